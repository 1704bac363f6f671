package cn.jzz.hub.identity;

public enum IdRejection {
  EMPTY,
  BAD_LENGTH,
  BAD_CHECK_CHARACTER,
  INVALID_BIRTH_DATE;

  public String code() {
    return name();
  }
}
