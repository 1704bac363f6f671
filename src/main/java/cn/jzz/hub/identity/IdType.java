package cn.jzz.hub.identity;

public enum IdType {
  RESIDENT_ID("居民身份证");

  private final String label;

  IdType(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
