package cn.jzz.hub.security;

import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How M fields look when masked. A mask must leave the hidden part unrecoverable from what the same
 * caller sees in clear: the identity number keeps only its 6-digit region (its birth-date digits are
 * the birth date she may see anyway, and its sequence and check digits are what nobody may rebuild),
 * a phone its first 3 and last 4 digits, a name its surname, an address everything down to the
 * building. No mask is an oracle by itself: filters, sorts, facets and text search refuse masked
 * fields (ResidentQueryBuilder).
 */
public final class Masks {

  private static final Set<String> DOUBLE_SURNAMES =
      Set.of("欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟", "公孙", "慕容", "令狐", "长孙", "宇文", "司徒", "夏侯", "端木", "南宫", "西门", "独孤", "轩辕", "万俟");
  // The building is the last part kept: "…3号楼", "…3栋", "…3幢", "…3#楼", "…3#".
  private static final Pattern BUILDING = Pattern.compile("^.*?[0-9０-９一二三四五六七八九十百]+(号楼|栋|幢|#楼|#|号院)");
  private static final Pattern FIRST_DIGIT = Pattern.compile("[0-9０-９]");

  /** Field key → mask; fields not listed use {@link #generic}. */
  private static final Map<String, UnaryOperator<String>> BY_FIELD =
      Map.of(
          "id_number", Masks::idNumber,
          "disability_cert_no", Masks::idNumber,
          "phone", Masks::phone,
          "full_name", Masks::name,
          "hukou_address", Masks::address,
          "emergency_contact", Masks::emergencyContact);

  private Masks() {}

  /** The masked form of a value of the M field {@code key}. */
  public static String mask(String key, String value) {
    if (value == null || value.isEmpty()) {
      return value;
    }
    return BY_FIELD.getOrDefault(key, Masks::generic).apply(value);
  }

  /** A value of the M field {@code key} masked, lists item by item; null stays null. */
  public static Object maskValue(String key, Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof java.util.List<?> list) {
      java.util.List<Object> masked = new java.util.ArrayList<>();
      list.forEach(v -> masked.add(v == null ? null : mask(key, v.toString())));
      return masked;
    }
    return mask(key, value.toString());
  }

  public static String idNumber(String v) {
    if (v.length() < 12) {
      return "*".repeat(v.length());
    }
    return v.substring(0, 6) + "*".repeat(v.length() - 6);
  }

  public static String phone(String v) {
    String digits = v.replaceAll("[^0-9]", "");
    if (digits.length() < 7) {
      return "****";
    }
    return digits.substring(0, 3) + "****" + digits.substring(digits.length() - 4);
  }

  public static String name(String v) {
    int keep = v.length() > 2 && DOUBLE_SURNAMES.contains(v.substring(0, 2)) ? 2 : 1;
    return v.codePointCount(0, v.length()) <= keep ? v : v.substring(0, v.offsetByCodePoints(0, keep)) + "*";
  }

  public static String address(String v) {
    Matcher building = BUILDING.matcher(v);
    if (building.find()) {
      return building.group() + "****";
    }
    // No building in the text: cut before the first house number.
    Matcher digit = FIRST_DIGIT.matcher(v);
    if (digit.find() && digit.start() > 0) {
      return v.substring(0, digit.start()) + "****";
    }
    return v.length() <= 6 ? "****" : v.substring(0, 6) + "****";
  }

  /** "name/relation/phone": the name and the phone masked, the relation kept. */
  public static String emergencyContact(String v) {
    String[] parts = v.split("/", -1);
    if (parts.length != 3) {
      return generic(v);
    }
    return name(parts[0]) + "/" + parts[1] + "/" + phone(parts[2]);
  }

  public static String generic(String v) {
    return v.length() <= 1 ? "*" : v.substring(0, 1) + "****";
  }
}
