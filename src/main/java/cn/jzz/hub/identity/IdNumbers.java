package cn.jzz.hub.identity;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Normalises and validates identity numbers (spec: resident-schema.md, "Identity").
 *
 * <p>Accepted forms, all 18 characters with the GB 11643 MOD 11-2 check character:
 *
 * <ul>
 *   <li>居民身份证: 6-digit area code (known in the 1980–2020 list), birth date yyyyMMdd, 3-digit
 *       sequence whose last digit's parity is the sex, check character. 15-digit legacy numbers are
 *       upgraded by inserting {@code 19} after the area code and appending the check character.
 *   <li>港澳台居民居住证: the same layout with area 810000, 820000 or 830000.
 *   <li>2023 外国人永久居留身份证: {@code 9}, 2-digit province of the issuing authority, 3-digit
 *       nationality code, birth date yyyyMMdd (digits 7–14, as for citizens), 3-digit sequence, check
 *       character. Only the check character and the birth date are knowable; no area rule applies.
 * </ul>
 *
 * <p>A number damaged by a spreadsheet (scientific notation, a trailing {@code .0}, 17 digits after
 * the final X was dropped, or 18 digits ending in {@code 000} that fail the check because only 15
 * significant digits were kept) is rejected as such and never repaired by guessing.
 */
public final class IdNumbers {

  private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  private static final String CHECK_CHARS = "10X98765432";
  private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1890, 1, 1);
  private static final Set<String> HMT_PREFIXES = Set.of("810000", "820000", "830000");
  private static final DateTimeFormatter BIRTH =
      DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT);
  private static final Pattern SCIENTIFIC = Pattern.compile("\\d+(\\.\\d*)?[eE][+-]?\\d+");
  private static final Pattern DECIMAL = Pattern.compile("\\d+\\.\\d*");
  private static final Pattern ALLOWED = Pattern.compile("[0-9X]+");

  private final AreaCodes areaCodes;
  private final Clock clock;

  /**
   * @param areaCodes the historical area codes
   * @param clock decides "today" for the future-birth-date rule; use the Asia/Shanghai zone
   */
  public IdNumbers(AreaCodes areaCodes, Clock clock) {
    this.areaCodes = areaCodes;
    this.clock = clock;
  }

  /** Normalises and validates {@code raw}; never throws for bad input. */
  public IdParseResult parse(String raw) {
    if (raw == null) {
      return invalid(IdRejection.EMPTY, "");
    }
    String s = normalise(raw);
    if (s.isEmpty()) {
      return invalid(IdRejection.EMPTY, "");
    }
    if (SCIENTIFIC.matcher(s).matches() || DECIMAL.matcher(s).matches()) {
      return invalid(IdRejection.SPREADSHEET_CORRUPTED, "value looks like the number " + maskLoose(s));
    }
    int x = s.indexOf('X');
    if (!ALLOWED.matcher(s).matches() || (x >= 0 && x != s.length() - 1)) {
      return invalid(IdRejection.BAD_CHARACTERS, mask(s));
    }
    boolean upgraded = false;
    String number = s;
    switch (s.length()) {
      case 18 -> {
        char expected = checkCharacter(s.substring(0, 17));
        if (s.charAt(17) != expected && s.endsWith("000")) {
          // A spreadsheet keeps 15 significant digits and shows the rest as zeros.
          return invalid(IdRejection.SPREADSHEET_CORRUPTED, "the last 3 digits are 000 and the check fails: " + mask(s));
        }
        if (s.charAt(17) != expected) {
          return invalid(IdRejection.BAD_CHECK_CHARACTER, mask(s));
        }
      }
      case 17 -> {
        return invalid(IdRejection.SPREADSHEET_CORRUPTED, "17 digits, the final character is missing: " + mask(s));
      }
      case 15 -> {
        if (x >= 0) {
          return invalid(IdRejection.BAD_CHARACTERS, "a 15-digit legacy number has no X: " + mask(s));
        }
        String first17 = s.substring(0, 6) + "19" + s.substring(6);
        number = first17 + checkCharacter(first17);
        upgraded = true;
      }
      default -> {
        return invalid(IdRejection.BAD_LENGTH, s.length() + " characters: " + mask(s));
      }
    }
    return validateBody(number, upgraded);
  }

  private IdParseResult validateBody(String number, boolean upgraded) {
    IdType type = number.charAt(0) == '9' ? IdType.FOREIGN_PERMANENT_RESIDENT_ID
        : HMT_PREFIXES.contains(number.substring(0, 6)) ? IdType.HMT_RESIDENCE_PERMIT
        : IdType.RESIDENT_ID;
    LocalDate birth;
    try {
      birth = LocalDate.parse(number.substring(6, 14), BIRTH);
    } catch (DateTimeParseException e) {
      return invalid(IdRejection.INVALID_BIRTH_DATE, mask(number));
    }
    if (birth.isAfter(LocalDate.now(clock))) {
      return invalid(IdRejection.FUTURE_BIRTH_DATE, mask(number));
    }
    if (birth.isBefore(EARLIEST_BIRTH)) {
      return invalid(IdRejection.BIRTH_DATE_TOO_EARLY, mask(number));
    }
    String area = type == IdType.FOREIGN_PERMANENT_RESIDENT_ID ? null : number.substring(0, 6);
    if (type == IdType.RESIDENT_ID && !areaCodes.isKnown(area)) {
      return invalid(IdRejection.UNKNOWN_AREA_CODE, "area code " + area);
    }
    String sex = (number.charAt(16) - '0') % 2 == 1 ? "1" : "2";
    return new IdParseResult.Valid(new ParsedId(number, type, birth, sex, area, upgraded));
  }

  private static IdParseResult invalid(IdRejection reason, String detail) {
    return new IdParseResult.Invalid(reason, detail);
  }

  /**
   * Trims, removes inner whitespace, folds full-width characters (Ｘ, ０–９, …) to half-width and a
   * lower-case x to X. Does no validation.
   */
  public static String normalise(String raw) {
    StringBuilder out = new StringBuilder(raw.length());
    raw.codePoints().forEach(c -> {
      if (Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\uFEFF') {
        return;
      }
      if (c >= 0xFF01 && c <= 0xFF5E) {
        c -= 0xFEE0;
      }
      out.appendCodePoint(c == 'x' ? 'X' : c);
    });
    return out.toString();
  }

  /** The GB 11643 check character of the first 17 digits. */
  public static char checkCharacter(String first17) {
    if (first17.length() != 17) {
      throw new IllegalArgumentException("need 17 digits, got " + first17.length() + " characters");
    }
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      int digit = first17.charAt(i) - '0';
      if (digit < 0 || digit > 9) {
        throw new IllegalArgumentException("need 17 digits; position " + (i + 1) + " is not a digit");
      }
      sum += digit * WEIGHTS[i];
    }
    return CHECK_CHARS.charAt(sum % 11);
  }

  /**
   * Masks a number for messages and logs: first 6 + {@code ********} + last 4. Shorter values are
   * fully masked.
   */
  public static String mask(String number) {
    if (number == null || number.length() < 12) {
      return "********";
    }
    return number.substring(0, 6) + "********" + number.substring(number.length() - 4);
  }

  // A corrupted spreadsheet value still holds most of the number's leading digits: keep only 6.
  private static String maskLoose(String value) {
    return value.length() <= 6 ? "********" : value.substring(0, Math.min(6, value.length())) + "…";
  }
}
