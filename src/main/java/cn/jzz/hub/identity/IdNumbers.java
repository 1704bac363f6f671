package cn.jzz.hub.identity;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

public class IdNumbers {
  private static final int[] W = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};

  public IdParseResult parse(String raw) {
    if (raw == null || raw.isBlank()) return new IdParseResult.Invalid(IdRejection.EMPTY, "empty");
    String n = raw.trim().toUpperCase();
    if (n.length() == 15) n = n.substring(0, 6) + "19" + n.substring(6) + "?";
    if (n.length() != 18) return new IdParseResult.Invalid(IdRejection.BAD_LENGTH, "length");
    char c = check(n.substring(0, 17));
    if (n.charAt(17) == '?') n = n.substring(0, 17) + c;
    if (n.charAt(17) != c) return new IdParseResult.Invalid(IdRejection.BAD_CHECK_CHARACTER, "check");
    LocalDate birth;
    try {
      birth = LocalDate.parse(n.substring(6, 14), DateTimeFormatter.BASIC_ISO_DATE);
    } catch (RuntimeException e) {
      return new IdParseResult.Invalid(IdRejection.INVALID_BIRTH_DATE, "birth");
    }
    String sex = ((n.charAt(16) - '0') % 2 == 1) ? "1" : "2";
    return new IdParseResult.Valid(new ParsedId(n, IdType.RESIDENT_ID, birth, sex, n.substring(0, 6), raw.trim().length() == 15));
  }

  public static char check(String first17) {
    int sum = 0;
    for (int i = 0; i < 17; i++) sum += (first17.charAt(i) - '0') * W[i];
    return "10X98765432".charAt(sum % 11);
  }
}
