package cn.jzz.hub.identity;

/** The kinds of 18-character identity numbers the hub accepts; labels are the id_type enum values. */
public enum IdType {
  /** 居民身份证 (GB 11643-1999), including upgraded 15-digit legacy numbers. */
  RESIDENT_ID("居民身份证"),
  /** 港澳台居民居住证: prefix 810000 (Hong Kong), 820000 (Macau), 830000 (Taiwan). */
  HMT_RESIDENCE_PERMIT("港澳台居民居住证"),
  /** 2023 外国人永久居留身份证: first digit 9. */
  FOREIGN_PERMANENT_RESIDENT_ID("外国人永久居留身份证");

  private final String label;

  IdType(String label) {
    this.label = label;
  }

  /** The Chinese name, as stored in the id_type field. */
  public String label() {
    return label;
  }
}
