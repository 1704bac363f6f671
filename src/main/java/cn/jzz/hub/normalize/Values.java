package cn.jzz.hub.normalize;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Readers for the value shapes the departments use: Chinese and mixed dates, local timestamps,
 * phone numbers, Chinese numerals, full-width characters. Pure functions, shared by the transforms.
 */
final class Values {

  static final ZoneId LOCAL = ZoneId.of("Asia/Shanghai");
  private static final Pattern YMD = Pattern.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?");
  private static final Pattern YM = Pattern.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*月?");
  private static final Pattern COMPACT = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");
  private static final Pattern COMPACT_YM = Pattern.compile("(\\d{4})(\\d{2})");
  private static final Pattern ISO_TIME = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})[T ](\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?)(Z|[+-]\\d{2}:?\\d{2})?");
  private static final DateTimeFormatter COMPACT_TIME = DateTimeFormatter.ofPattern("uuuuMMddHHmmss").withResolverStyle(ResolverStyle.STRICT);
  private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
  private static final Pattern LANDLINE = Pattern.compile("0537(\\d{7,8})");
  private static final String CHINESE_DIGITS = "零〇一二三四五六七八九";

  private Values() {}

  /** Text of a scalar as the departments mean it: integral numbers without ".0" (spreadsheet cells). */
  static String text(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Double || value instanceof Float || value instanceof BigDecimal) {
      BigDecimal d = new BigDecimal(value.toString());
      if (d.signum() == 0 || d.stripTrailingZeros().scale() <= 0) {
        return d.toBigInteger().toString();
      }
      return value.toString();
    }
    return value.toString();
  }

  /** Full-width ASCII (Ａ１，) and the ideographic space to half-width. */
  static String foldWidth(String s) {
    StringBuilder out = new StringBuilder(s.length());
    s.codePoints().forEach(c -> {
      if (c >= 0xFF01 && c <= 0xFF5E) {
        c -= 0xFEE0;
      } else if (c == 0x3000) {
        c = ' ';
      }
      out.appendCodePoint(c);
    });
    return out.toString();
  }

  /**
   * A date in any of the departments' forms: ISO, {@code 2019/3/2}, {@code 2019年3月2日},
   * {@code 20190302} (also as a number), a month only ({@code 2015年3月}, {@code 2001.12},
   * {@code 2015-03}) meaning its first day, or a timestamp (its local date).
   */
  static Optional<LocalDate> date(Object value) {
    String s = text(value);
    if (s == null) {
      return Optional.empty();
    }
    s = foldWidth(s).strip();
    try {
      Matcher m;
      if ((m = ISO_TIME.matcher(s)).matches()) {
        return timestamp(s).map(t -> t.atZoneSameInstant(LOCAL).toLocalDate());
      }
      if ((m = YMD.matcher(s)).matches()) {
        return Optional.of(LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))));
      }
      if ((m = COMPACT.matcher(s)).matches()) {
        return Optional.of(LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))));
      }
      if ((m = YM.matcher(s)).matches() || (m = COMPACT_YM.matcher(s)).matches()) {
        return Optional.of(LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), 1));
      }
      if (s.length() == 14 && s.chars().allMatch(Character::isDigit)) {
        return Optional.of(LocalDate.parse(s.substring(0, 8), DateTimeFormatter.BASIC_ISO_DATE));
      }
    } catch (java.time.DateTimeException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  /**
   * A moment: ISO with an offset ({@code 2026-11-20T10:00:00+08:00}), local ISO without one or
   * {@code yyyyMMddHHmmss} (both read as Asia/Shanghai, never as UTC), or a plain date (its start).
   */
  static Optional<OffsetDateTime> timestamp(Object value) {
    String s = text(value);
    if (s == null) {
      return Optional.empty();
    }
    s = foldWidth(s).strip();
    try {
      Matcher m = ISO_TIME.matcher(s);
      if (m.matches()) {
        String local = m.group(1) + "T" + (m.group(3) == null ? m.group(2) + ":00" : m.group(2));
        if (m.group(5) == null) {
          return Optional.of(LocalDateTime.parse(local).atZone(LOCAL).toOffsetDateTime());
        }
        String offset = m.group(5).equals("Z") ? "Z" : m.group(5).length() == 5 ? m.group(5).substring(0, 3) + ":" + m.group(5).substring(3) : m.group(5);
        return Optional.of(OffsetDateTime.parse(local + offset).withOffsetSameInstant(ZoneOffset.ofHours(8)));
      }
      if (s.length() == 14 && s.chars().allMatch(Character::isDigit)) {
        return Optional.of(LocalDateTime.parse(s, COMPACT_TIME).atZone(LOCAL).toOffsetDateTime());
      }
      if (value instanceof Number n && s.length() >= 12) {
        return Optional.of(Instant.ofEpochMilli(n.longValue()).atZone(LOCAL).toOffsetDateTime());
      }
    } catch (java.time.DateTimeException e) {
      return Optional.empty();
    }
    return date(s).map(d -> d.atStartOfDay(LOCAL).toOffsetDateTime());
  }

  /**
   * A phone as the hub stores it: an 11-digit mobile ({@code 1[3-9]} + 9 digits) or a Jining landline
   * {@code 0537-xxxxxxx}, after stripping +86/0086, spaces, dashes and brackets; otherwise empty.
   */
  static Optional<String> phone(Object value) {
    String s = text(value);
    if (s == null) {
      return Optional.empty();
    }
    String digits = foldWidth(s).replaceAll("[\\s\\-()（）]", "");
    if (digits.startsWith("+86")) {
      digits = digits.substring(3);
    } else if (digits.startsWith("0086")) {
      digits = digits.substring(4);
    } else if (digits.startsWith("86") && digits.length() == 13) {
      digits = digits.substring(2);
    }
    if (MOBILE.matcher(digits).matches()) {
      return Optional.of(digits);
    }
    Matcher landline = LANDLINE.matcher(digits);
    if (landline.matches()) {
      return Optional.of("0537-" + landline.group(1));
    }
    return Optional.empty();
  }

  /**
   * The number in a building, unit or floor label: {@code 三号楼}, {@code 3号楼}, {@code 3#},
   * {@code 第十二单元}, {@code 负一层} / {@code -1层}; Chinese numerals up to 99 become Arabic digits.
   */
  static Optional<String> numeral(Object value) {
    String s = text(value);
    if (s == null) {
      return Optional.empty();
    }
    s = foldWidth(s).strip();
    boolean negative = s.startsWith("-") || s.startsWith("负") || s.startsWith("地下");
    Matcher arabic = Pattern.compile("\\d+").matcher(s);
    if (arabic.find()) {
      String digits = arabic.group().replaceFirst("^0+(?=\\d)", "");
      return Optional.of(negative ? "-" + digits : digits);
    }
    Matcher chinese = Pattern.compile("[零〇一二三四五六七八九十两]+").matcher(s);
    if (chinese.find()) {
      Integer n = chineseNumber(chinese.group());
      if (n != null) {
        return Optional.of((negative ? "-" : "") + n);
      }
    }
    return Optional.empty();
  }

  private static Integer chineseNumber(String s) {
    s = s.replace('两', '二');
    int ten = s.indexOf('十');
    if (ten < 0) {
      StringBuilder digits = new StringBuilder();
      for (char c : s.toCharArray()) {
        int d = CHINESE_DIGITS.indexOf(c);
        digits.append(d <= 1 ? 0 : d - 1);
      }
      return Integer.parseInt(digits.toString());
    }
    if (s.indexOf('十', ten + 1) >= 0 || s.length() > 3) {
      return null;
    }
    int tens = ten == 0 ? 1 : digit(s.charAt(0));
    int ones = ten == s.length() - 1 ? 0 : digit(s.charAt(ten + 1));
    return tens < 0 || ones < 0 ? null : tens * 10 + ones;
  }

  private static int digit(char c) {
    int d = CHINESE_DIGITS.indexOf(c);
    return d < 0 ? -1 : d <= 1 ? 0 : d - 1;
  }

  /** true/false from the forms the sources use: true/false, 1/0, 是/否, Y/N. */
  static Optional<Boolean> bool(Object value) {
    if (value instanceof Boolean b) {
      return Optional.of(b);
    }
    String s = text(value);
    if (s == null) {
      return Optional.empty();
    }
    switch (foldWidth(s).strip().toLowerCase(java.util.Locale.ROOT)) {
      case "true", "1", "是", "y", "yes" -> {
        return Optional.of(true);
      }
      case "false", "0", "否", "n", "no" -> {
        return Optional.of(false);
      }
      default -> {
        return Optional.empty();
      }
    }
  }

  /** A whole number from a number or text ({@code 5}, {@code 5.0}, {@code "-1"}). */
  static Optional<Integer> integer(Object value) {
    String s = text(value);
    if (s == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(Integer.parseInt(foldWidth(s).strip()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
