package cn.jzz.hub.identity;

import java.time.LocalDate;

/**
 * A valid, normalised identity number and what it says about its holder.
 *
 * @param number the normalised 18-character number (digits and a possible final X)
 * @param type the kind of document
 * @param birthDate the birth date in digits 7–14; null only where a form carries none
 * @param sexCode {@code "1"} male or {@code "2"} female, from the parity of the 17th digit
 * @param areaCode the 6-digit area code (810000/820000/830000 for permits); null for foreign
 *     permanent residence IDs, whose leading digits are not an area code
 * @param upgradedFrom15 whether the source gave a 15-digit legacy number
 */
public record ParsedId(
    String number, IdType type, LocalDate birthDate, String sexCode, String areaCode, boolean upgradedFrom15) {

  /** Masked, so that logging a ParsedId never leaks the number. */
  @Override
  public String toString() {
    return "ParsedId[" + IdNumbers.mask(number) + ", " + type + ", upgradedFrom15=" + upgradedFrom15 + "]";
  }
}
