package cn.jzz.hub.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Identity and phone numbers cut out of free text that is kept or shown where they must not be: the
 * audit (a caller types an ID number into {@code text}), reason files, error bodies. An identity number
 * keeps its 6-digit region, a phone its first 3 and last 4 digits — the same forms the masked views use,
 * so a scrubbed entry says what was asked about without holding the number.
 */
public final class PersonalNumbers {

  // Digits not glued to other digits, so a 20-digit record key is not read as an ID number plus two.
  private static final Pattern NUMBER =
      Pattern.compile(
          "(?<![0-9０-９])(?:(?<id>[1-9][0-9]{16}[0-9Xx]|[1-9][0-9]{14})|(?<mobile>(?:\\+?86[- ]?)?1[3-9][0-9](?:[- ]?[0-9]{4}){2})|(?<landline>0[1-9][0-9]{1,2}-[0-9]{7,8}))(?![0-9０-９])");

  private PersonalNumbers() {}

  public static String scrub(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String ascii = foldFullWidthDigits(text);
    Matcher m = NUMBER.matcher(ascii);
    if (!m.find()) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    int last = 0;
    do {
      out.append(text, last, m.start()).append(replacement(m));
      last = m.end();
    } while (m.find());
    return out.append(text, last, text.length()).toString();
  }

  /** Every string inside maps and lists scrubbed; other values as they are. */
  public static Object scrubAll(Object value) {
    if (value instanceof String s) {
      return scrub(s);
    }
    if (value instanceof Map<?, ?> map) {
      Map<Object, Object> out = new LinkedHashMap<>();
      map.forEach((k, v) -> out.put(k, scrubAll(v)));
      return out;
    }
    if (value instanceof List<?> list) {
      List<Object> out = new ArrayList<>(list.size());
      list.forEach(v -> out.add(scrubAll(v)));
      return out;
    }
    return value;
  }

  private static String replacement(Matcher m) {
    String found = m.group();
    if (m.group("id") != null) {
      return found.substring(0, 6) + "*".repeat(found.length() - 6);
    }
    String digits = found.replaceAll("[^0-9]", "");
    if (m.group("mobile") != null && digits.length() == 13) {
      digits = digits.substring(2);
    }
    return digits.substring(0, 3) + "****" + digits.substring(digits.length() - 4);
  }

  // A full-width ０-９ typed from a Chinese keyboard is the same number; same length, so offsets hold.
  private static String foldFullWidthDigits(String text) {
    StringBuilder b = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= '０' && c <= '９') {
        if (b == null) {
          b = new StringBuilder(text);
        }
        b.setCharAt(i, (char) ('0' + (c - '０')));
      }
    }
    return b == null ? text : b.toString();
  }
}
