package cn.jzz.hub.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IdNumbersTest {

  private final IdNumbers ids = IdFixtures.idNumbers();

  private ParsedId valid(String raw) {
    IdParseResult result = ids.parse(raw);
    assertThat(result).as(raw).isInstanceOf(IdParseResult.Valid.class);
    return ((IdParseResult.Valid) result).id();
  }

  private IdParseResult.Invalid invalid(String raw) {
    IdParseResult result = ids.parse(raw);
    assertThat(result).as(raw).isInstanceOf(IdParseResult.Invalid.class);
    return (IdParseResult.Invalid) result;
  }

  @Test
  void acceptsTheSpecSample() {
    ParsedId id = valid("11010519491231002X");
    assertThat(id.number()).isEqualTo("11010519491231002X");
    assertThat(id.type()).isEqualTo(IdType.RESIDENT_ID);
    assertThat(id.birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
    assertThat(id.sexCode()).isEqualTo("2");
    assertThat(id.areaCode()).isEqualTo("110105");
    assertThat(id.upgradedFrom15()).isFalse();
  }

  @Test
  void upgradesFifteenDigitLegacyNumbers() {
    ParsedId id = valid("370802900101123");
    assertThat(id.number()).isEqualTo("37080219900101123X");
    assertThat(id.upgradedFrom15()).isTrue();
    assertThat(id.birthDate()).isEqualTo(LocalDate.of(1990, 1, 1));
    assertThat(id.sexCode()).isEqualTo("1");
  }

  @Test
  void normalisesFullWidthLowercaseAndSpaces() {
    assertThat(valid(" 11010519491231002x ").number()).isEqualTo("11010519491231002X");
    assertThat(valid("１１０１０５１９４９１２３１００２Ｘ").number()).isEqualTo("11010519491231002X");
    assertThat(valid("110105 1949 1231 002ｘ").number()).isEqualTo("11010519491231002X");
    assertThat(valid("110105\u30001949123100\t2X").number()).isEqualTo("11010519491231002X");
  }

  @Test
  void acceptsRetiredJiningPrefixes() {
    assertThat(valid(IdFixtures.withCheck("37088219800101001")).areaCode()).isEqualTo("370882"); // 兖州市
    assertThat(valid(IdFixtures.withCheck("37272219750101002")).areaCode()).isEqualTo("372722");
  }

  @Test
  void acceptsHongKongMacauTaiwanPermits() {
    for (String prefix : new String[] {"810000", "820000", "830000"}) {
      ParsedId id = valid(IdFixtures.withCheck(prefix + "19850607001"));
      assertThat(id.type()).isEqualTo(IdType.HMT_RESIDENCE_PERMIT);
      assertThat(id.type().label()).isEqualTo("港澳台居民居住证");
      assertThat(id.areaCode()).isEqualTo(prefix);
    }
  }

  @Test
  void acceptsForeignPermanentResidenceIds() {
    // 9 + province 11 + nationality 840 + 1980-05-17 + sequence 042 + check
    ParsedId id = valid(IdFixtures.withCheck("91184019800517042"));
    assertThat(id.type()).isEqualTo(IdType.FOREIGN_PERMANENT_RESIDENT_ID);
    assertThat(id.type().label()).isEqualTo("外国人永久居留身份证");
    assertThat(id.birthDate()).isEqualTo(LocalDate.of(1980, 5, 17));
    assertThat(id.areaCode()).isNull();
    assertThat(invalid(IdFixtures.withCheck("91184019801317042")).reason()).isEqualTo(IdRejection.INVALID_BIRTH_DATE);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "3.70811E+17|SPREADSHEET_CORRUPTED",
      "3.70811e17|SPREADSHEET_CORRUPTED",
      "370811199001011234.0|SPREADSHEET_CORRUPTED",
      "11010519491231002|SPREADSHEET_CORRUPTED",
      "370811199001011000|SPREADSHEET_CORRUPTED",
      "''|EMPTY",
      "'   '|EMPTY",
      "1101051949123100|BAD_LENGTH",
      "1101051949123100211|BAD_LENGTH",
      "11010519491231002Y|BAD_CHARACTERS",
      "110105194912310X21|BAD_CHARACTERS",
      "37080290010112X|BAD_CHARACTERS",
      "110105-19491231002X|BAD_CHARACTERS",
      "110105194912310021|BAD_CHECK_CHARACTER",
  })
  void rejectsWithADistinctReason(String raw, IdRejection reason) {
    assertThat(invalid(raw).reason()).isEqualTo(reason);
  }

  @Test
  void rejectsImpossibleFutureAndAncientBirthDates() {
    assertThat(invalid(IdFixtures.withCheck("37081119900230001")).reason()).isEqualTo(IdRejection.INVALID_BIRTH_DATE);
    assertThat(invalid(IdFixtures.withCheck("37081120261127001")).reason()).isEqualTo(IdRejection.FUTURE_BIRTH_DATE);
    assertThat(valid(IdFixtures.withCheck("37081120261126001")).birthDate()).isEqualTo(IdFixtures.TODAY);
    assertThat(invalid(IdFixtures.withCheck("37081118891231001")).reason()).isEqualTo(IdRejection.BIRTH_DATE_TOO_EARLY);
    assertThat(invalid("370811901301123").reason()).isEqualTo(IdRejection.INVALID_BIRTH_DATE);
  }

  @Test
  void rejectsUnknownAreaCodes() {
    assertThat(invalid(IdFixtures.withCheck("37089919900101001")).reason()).isEqualTo(IdRejection.UNKNOWN_AREA_CODE);
    // 370871 高新区 is a statistical code, never an ID prefix
    assertThat(invalid(IdFixtures.withCheck("37087119900101001")).reason()).isEqualTo(IdRejection.UNKNOWN_AREA_CODE);
  }

  @Test
  void messagesAndDetailsNeverHoldTheFullNumber() {
    String raw = IdFixtures.withCheck("37081119900101001");
    String wrongCheck = raw.substring(0, 17) + (raw.charAt(17) == '0' ? '1' : '0');
    IdParseResult.Invalid result = invalid(wrongCheck);
    assertThat(result.detail()).isEqualTo("370811********001" + wrongCheck.charAt(17));
    assertThat(result.describe()).doesNotContain(wrongCheck).startsWith("BAD_CHECK_CHARACTER: 校验码错误");
    assertThat(valid(raw).toString()).doesNotContain(raw).contains("370811********");
    for (IdRejection reason : IdRejection.values()) {
      assertThat(reason.code()).matches("[A-Z_]+");
      assertThat(reason.message()).matches(".*[\\u4e00-\\u9fff].*").matches(".*[a-z]{3,}.*");
    }
  }

  @Test
  void masksShortValuesCompletely() {
    assertThat(IdNumbers.mask("12345")).isEqualTo("********");
    assertThat(IdNumbers.mask("11010519491231002X")).isEqualTo("110105********002X");
  }
}
