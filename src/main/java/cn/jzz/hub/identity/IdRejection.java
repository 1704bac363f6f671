package cn.jzz.hub.identity;

/** Why an identity number was rejected; one reason per failure, each saying what to do. */
public enum IdRejection {
  EMPTY("证件号码为空。The ID number is empty: fill it in at the source."),
  SPREADSHEET_CORRUPTED(
      "证件号码被电子表格按数字保存而损坏（科学计数法、末尾“.0”或丢失末位X）。The ID number was stored as a "
          + "spreadsheet number (scientific notation, a trailing .0, 17 digits with the final X lost, or the last "
          + "digits turned into 000): "
          + "format the column as text and export the file again; the hub never guesses lost digits."),
  BAD_LENGTH(
      "证件号码位数不对，应为18位（旧号码15位）。The ID number must have 18 characters (15 digits for a legacy "
          + "number): check it at the source."),
  BAD_CHARACTERS(
      "证件号码含有非法字符，只允许数字和末位X。The ID number may hold only digits and a final X: remove the "
          + "other characters at the source."),
  BAD_CHECK_CHARACTER(
      "校验码错误（GB 11643）。The check character does not match the first 17 digits (GB 11643): a digit was "
          + "probably mistyped; correct the number at the source."),
  INVALID_BIRTH_DATE(
      "出生日期码不是有效日期。Digits 7–14 are not a real date: correct the number at the source."),
  FUTURE_BIRTH_DATE(
      "出生日期码在今天之后。Digits 7–14 give a birth date in the future: correct the number at the source."),
  BIRTH_DATE_TOO_EARLY(
      "出生日期码早于1890年。Digits 7–14 give a birth date before 1890: correct the number at the source."),
  UNKNOWN_AREA_CODE(
      "地址码不在1980–2020年行政区划代码中。The first 6 digits are not a Chinese area code of 1980–2020 nor "
          + "a Jining historical prefix: correct the number at the source.");

  private final String message;

  IdRejection(String message) {
    this.message = message;
  }

  /** Stable UPPER_SNAKE code for quarantine filters and API errors. */
  public String code() {
    return name();
  }

  /** Chinese and English: what is wrong and what to do. */
  public String message() {
    return message;
  }
}
