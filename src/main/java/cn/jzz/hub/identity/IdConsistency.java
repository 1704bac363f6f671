package cn.jzz.hub.identity;

import cn.jzz.hub.schema.QualityFinding;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/**
 * Checks that recorded sex and birth date agree with what the ID number says. A disagreement is a
 * quality finding on the record, not a rejection: the record is still useful and a person should look.
 */
public final class IdConsistency {

  /**
   * GB/T 2261.1 sex codes → the parity an ID number issued for that person has. 5 (女改男) and 6
   * (男改女) name the current sex, and a sex change comes with a new number of matching parity. gaj's
   * old rows use 3 and 4 for 5 and 6.
   */
  private static final Map<String, String> ID_SEX = Map.of(
      "1", "1", "2", "2", "5", "1", "6", "2", "3", "1", "4", "2");

  private IdConsistency() {}

  /**
   * Whether the recorded {@code sexCode} agrees with the ID's 17th-digit parity.
   *
   * @return empty when it agrees or when nothing is stated (null, blank, 0 未知, 9 未说明); otherwise
   *     a finding
   */
  public static Optional<QualityFinding> sexAgrees(ParsedId id, String sexCode) {
    if (sexCode == null || sexCode.isBlank() || sexCode.equals("0") || sexCode.equals("9")) {
      return Optional.empty();
    }
    String expected = ID_SEX.get(sexCode.strip());
    if (expected == null) {
      return Optional.of(new QualityFinding("SEX_CODE_UNKNOWN", "sex",
          "性别代码“" + sexCode + "”不在GB/T 2261.1中。Sex code '" + sexCode
              + "' is not a GB/T 2261.1 code: map it in the source's mapping."));
    }
    if (!expected.equals(id.sexCode())) {
      return Optional.of(new QualityFinding("SEX_DISAGREES_WITH_ID", "sex",
          "性别与证件号码第17位不符。Sex code " + sexCode + " disagrees with the ID number's 17th digit ("
              + (id.sexCode().equals("1") ? "male" : "female") + "): check the source record."));
    }
    return Optional.empty();
  }

  /**
   * Whether the recorded {@code birthDate} equals the ID's digits 7–14.
   *
   * @return empty when it agrees, or when either side is unknown; otherwise a finding
   */
  public static Optional<QualityFinding> birthDateAgrees(ParsedId id, LocalDate birthDate) {
    if (birthDate == null || id.birthDate() == null || birthDate.equals(id.birthDate())) {
      return Optional.empty();
    }
    return Optional.of(new QualityFinding("BIRTH_DATE_DISAGREES_WITH_ID", "birth_date",
        "出生日期与证件号码第7–14位不符。Birth date " + birthDate
            + " disagrees with the ID number's digits 7–14: check the source record."));
  }
}
