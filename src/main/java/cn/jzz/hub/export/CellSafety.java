package cn.jzz.hub.export;

import java.text.Normalizer;

/**
 * Cell values made safe for spreadsheets. A value starting with {@code = + - @} (or a tab or carriage
 * return) could run as a formula when the file is opened: it gets a leading {@code '} — the prefix
 * Excel itself uses for "text". Long digit strings (ID numbers, phones, 12/15-digit division codes)
 * get a leading tab in CSV, which makes Excel keep them as text instead of 3.70811E+17, and which any
 * reader undoes with a trim: the value round-trips.
 */
public final class CellSafety {

  private CellSafety() {}

  public static String neutralise(String value) {
    if (value == null || value.isEmpty()) {
      return value;
    }
    // A plain number (a basement floor -1) is no formula and stays as it is.
    if (isPlainNumber(value)) {
      return value;
    }
    return startsLikeFormula(value) ? "'" + value : value;
  }

  /**
   * Spreadsheets skip leading blanks and read full-width signs as their ASCII forms, so the first
   * character that counts is the first one after blanks and invisible characters, compared after
   * NFKC (which folds {@code ＝} to {@code =}).
   */
  static boolean startsLikeFormula(String value) {
    for (int i = 0; i < value.length(); ) {
      int cp = value.codePointAt(i);
      if (cp == '\t' || cp == '\r' || cp == '\n') {
        return true;
      }
      if (!ignorable(cp)) {
        String folded = Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFKC);
        char c = folded.isEmpty() ? ' ' : folded.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@';
      }
      i += Character.charCount(cp);
    }
    return false;
  }

  private static boolean ignorable(int cp) {
    return Character.isWhitespace(cp)
        || Character.isSpaceChar(cp)
        || Character.getType(cp) == Character.FORMAT
        || cp == 0xFEFF;
  }

  /** {@code -?[0-9]{1,15}(\.[0-9]+)?}, without a regex: this runs for every cell of an export. */
  static boolean isPlainNumber(String value) {
    int i = value.charAt(0) == '-' ? 1 : 0;
    int start = i;
    while (i < value.length() && isDigit(value.charAt(i))) {
      i++;
    }
    int integerDigits = i - start;
    if (integerDigits < 1 || integerDigits > 15) {
      return false;
    }
    if (i == value.length()) {
      return true;
    }
    if (value.charAt(i) != '.' || i + 1 == value.length()) {
      return false;
    }
    for (i++; i < value.length(); i++) {
      if (!isDigit(value.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** Whether Excel would turn the value into a number and lose digits or leading zeros. */
  public static boolean looksLikeLongNumber(String value) {
    if (value == null || value.length() < 2) {
      return false;
    }
    int digits = value.endsWith("X") ? value.length() - 1 : value.length();
    for (int i = 0; i < digits; i++) {
      if (!Character.isDigit(value.charAt(i)) || value.charAt(i) > '9') {
        return false;
      }
    }
    return value.length() >= 11 || value.charAt(0) == '0' || value.endsWith("X");
  }

  /** A CSV cell: neutralised, and long numbers kept as text for Excel. */
  public static String csv(String value) {
    String safe = neutralise(value);
    return looksLikeLongNumber(safe) ? "\t" + safe : safe;
  }
}
