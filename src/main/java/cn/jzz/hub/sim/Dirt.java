package cn.jzz.hub.sim;

import cn.jzz.hub.identity.IdNumbers;
import java.util.Random;

/**
 * How dirty the departments' data is: the rate (0..1) of each kind of error the hub must survive.
 * Format variety that is simply how a department writes (ldh styles, three date styles, four phone
 * styles) is always present; these rates govern the errors.
 *
 * @param badCheckCharacter an ID number mistyped so its check character fails (rejected by the hub)
 * @param legacyId a 15-digit pre-1999 number, of people born 1900–1999 (upgraded by the hub)
 * @param lowercaseX a lower-case {@code x}, of numbers ending in X
 * @param oldSexCode gaj's old 3/4 codes in XB
 * @param cancelled a withdrawn row (zxbz=1, yxbz=0) that the hub must not count
 * @param communitySuffix 民政's community_name with a trailing 居委会
 * @param numericIdCell an XLSX ID cell stored as a number (it arrives as 3.70811E+17)
 * @param nullHouseCode 不动产 rows without fwbm
 * @param fullWidthComma 网格 bq joined with ，instead of ,
 * @param paddedText names or ID numbers in files with stray spaces around them
 */
public record Dirt(
    double badCheckCharacter,
    double legacyId,
    double lowercaseX,
    double oldSexCode,
    double cancelled,
    double communitySuffix,
    double numericIdCell,
    double nullHouseCode,
    double fullWidthComma,
    double paddedText) {

  public Dirt {
    double[] all = {badCheckCharacter, legacyId, lowercaseX, oldSexCode, cancelled, communitySuffix, numericIdCell, nullHouseCode, fullWidthComma, paddedText};
    for (double rate : all) {
      if (rate < 0 || rate > 1) {
        throw new IllegalArgumentException("dirt rates are between 0 and 1, got " + rate);
      }
    }
  }

  /** Rates seen in real departmental extracts. */
  public static Dirt defaults() {
    return new Dirt(0.01, 0.02, 0.3, 0.002, 0.05, 0.3, 0.1, 0.05, 0.2, 0.02);
  }

  /** No errors at all (format variety stays). */
  public static Dirt none() {
    return new Dirt(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
  }

  /**
   * The ID number as a department stored it: mostly right, sometimes legacy (if {@code legacy}),
   * lower-case or (if {@code typos}) mistyped.
   */
  String id(SimPerson p, Random r, boolean legacy, boolean typos) {
    String id = p.idNumber();
    if (typos && Draw.chance(r, badCheckCharacter)) {
      char last = id.charAt(17);
      return id.substring(0, 17) + (last == '0' ? '1' : last == 'X' ? '0' : last == '1' ? 'X' : (char) (last - 1));
    }
    int year = p.birthDate().getYear();
    if (legacy && year >= 1900 && year <= 1999 && Draw.chance(r, legacyId)) {
      return id.substring(0, 6) + id.substring(8, 17);
    }
    if (id.endsWith("X") && Draw.chance(r, lowercaseX)) {
      return id.substring(0, 17) + "x";
    }
    return id;
  }

  /** True if the hub resolves {@code written} to {@code p}'s number (after normalising and upgrading). */
  static boolean accepted(String written, SimPerson p) {
    if (written == null) {
      return false;
    }
    String s = IdNumbers.normalise(written);
    if (s.length() == 15 && s.chars().allMatch(Character::isDigit)) {
      String first17 = s.substring(0, 6) + "19" + s.substring(6);
      s = first17 + IdNumbers.checkCharacter(first17);
    }
    return s.equals(p.idNumber());
  }
}
