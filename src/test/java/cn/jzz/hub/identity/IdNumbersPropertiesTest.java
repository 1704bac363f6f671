package cn.jzz.hub.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.constraints.IntRange;

/** Every valid form passes; every single substitution fails; normal forms are unique. */
class IdNumbersPropertiesTest {

  private static final DateTimeFormatter YMD = DateTimeFormatter.BASIC_ISO_DATE;
  private static final LocalDate EARLIEST = LocalDate.of(1890, 1, 1);
  private static final String CHARS = "0123456789X";

  private final IdNumbers ids = IdFixtures.idNumbers();

  // Area codes of citizens' numbers: real codes that do not collide with the other forms' prefixes.
  private static final List<String> AREAS = IdFixtures.areaCodes().codes().stream()
      .filter(c -> !c.startsWith("9") && !c.startsWith("8")).toList();

  private static Arbitrary<LocalDate> pastDates(LocalDate from) {
    int days = (int) (IdFixtures.TODAY.toEpochDay() - from.toEpochDay());
    return Arbitraries.integers().between(0, days).map(from::plusDays);
  }

  private static Arbitrary<String> sequences(int digits) {
    return Arbitraries.strings().numeric().ofLength(digits);
  }

  @Provide
  Arbitrary<String> residentIds() {
    return Combinators.combine(Arbitraries.of(AREAS), pastDates(EARLIEST), sequences(3))
        .as((area, birth, seq) -> IdFixtures.withCheck(area + birth.format(YMD) + seq));
  }

  @Provide
  Arbitrary<String> permitIds() {
    return Combinators.combine(Arbitraries.of("810000", "820000", "830000"), pastDates(EARLIEST), sequences(3))
        .as((area, birth, seq) -> IdFixtures.withCheck(area + birth.format(YMD) + seq));
  }

  @Provide
  Arbitrary<String> foreignIds() {
    return Combinators.combine(sequences(2), sequences(3), pastDates(EARLIEST), sequences(3))
        .as((province, nationality, birth, seq) ->
            IdFixtures.withCheck("9" + province + nationality + birth.format(YMD) + seq));
  }

  @Provide
  Arbitrary<String> anyValidId() {
    return Arbitraries.oneOf(residentIds(), permitIds(), foreignIds());
  }

  @Property(tries = 1500)
  void residentIdsPass(@ForAll("residentIds") String number) {
    Statistics.label("check character").collect(number.charAt(17) == 'X' ? "X" : "digit");
    IdParseResult result = ids.parse(number);
    assertThat(result).isInstanceOf(IdParseResult.Valid.class);
    ParsedId id = ((IdParseResult.Valid) result).id();
    assertThat(id.number()).isEqualTo(number);
    assertThat(id.type()).isEqualTo(IdType.RESIDENT_ID);
    assertThat(id.birthDate().format(YMD)).isEqualTo(number.substring(6, 14));
    assertThat(id.sexCode()).isEqualTo((number.charAt(16) - '0') % 2 == 1 ? "1" : "2");
    assertThat(id.areaCode()).isEqualTo(number.substring(0, 6));
    Statistics.label("check character").coverage(c -> c.check("X").count(n -> n > 0));
  }

  @Property(tries = 300)
  void permitsPass(@ForAll("permitIds") String number) {
    assertThat(ids.parse(number)).isEqualTo(new IdParseResult.Valid(new ParsedId(number, IdType.HMT_RESIDENCE_PERMIT,
        LocalDate.parse(number.substring(6, 14), YMD), (number.charAt(16) - '0') % 2 == 1 ? "1" : "2",
        number.substring(0, 6), false)));
  }

  @Property(tries = 300)
  void foreignPermanentIdsPass(@ForAll("foreignIds") String number) {
    IdParseResult result = ids.parse(number);
    assertThat(result).isInstanceOf(IdParseResult.Valid.class);
    assertThat(((IdParseResult.Valid) result).id().type()).isEqualTo(IdType.FOREIGN_PERMANENT_RESIDENT_ID);
  }

  @Property(tries = 400)
  void everySingleSubstitutionFails(
      @ForAll("anyValidId") String number,
      @ForAll @IntRange(min = 0, max = 17) int position,
      @ForAll @IntRange(min = 1, max = 10) int shift) {
    // shift 1..10 over the 11 allowed characters always yields a different character
    char replacement = CHARS.charAt((CHARS.indexOf(number.charAt(position)) + shift) % CHARS.length());
    String mutated = number.substring(0, position) + replacement + number.substring(position + 1);
    assertThat(ids.parse(mutated)).as(mutated).isInstanceOf(IdParseResult.Invalid.class);
  }

  @Property(tries = 500)
  void legacyNumbersUpgradeToTheRightEighteenDigitNumber(
      @ForAll("legacyParts") List<String> parts) {
    String area = parts.get(0);
    String yymmdd = parts.get(1);
    String seq = parts.get(2);
    IdParseResult result = ids.parse(area + yymmdd + seq);
    String first17 = area + "19" + yymmdd + seq;
    assertThat(result).isInstanceOf(IdParseResult.Valid.class);
    ParsedId id = ((IdParseResult.Valid) result).id();
    assertThat(id.number()).isEqualTo(first17 + IdNumbers.checkCharacter(first17));
    assertThat(id.upgradedFrom15()).isTrue();
    assertThat(ids.parse(id.number())).isEqualTo(new IdParseResult.Valid(
        new ParsedId(id.number(), id.type(), id.birthDate(), id.sexCode(), id.areaCode(), false)));
  }

  @Provide
  Arbitrary<List<String>> legacyParts() {
    return Combinators.combine(Arbitraries.of(AREAS), pastDates(LocalDate.of(1900, 1, 1))
            .filter(d -> d.getYear() <= 1999), sequences(3))
        .as((area, birth, seq) -> List.of(area, birth.format(YMD).substring(2), seq));
  }

  @Property(tries = 500)
  void fullWidthLowercaseAndSpacedFormsNormaliseToTheSameNumber(
      @ForAll("anyValidId") String number, @ForAll long seed) {
    java.util.Random random = new java.util.Random(seed);
    StringBuilder variant = new StringBuilder(random.nextBoolean() ? " " : "");
    for (char c : number.toCharArray()) {
      char v = c == 'X' && random.nextBoolean() ? 'x' : c;
      variant.append(random.nextBoolean() ? (char) (v + 0xFEE0) : v);
      if (random.nextInt(6) == 0) {
        variant.append(random.nextBoolean() ? ' ' : '\u3000');
      }
    }
    IdParseResult result = ids.parse(variant.toString());
    assertThat(result).as(variant.toString()).isInstanceOf(IdParseResult.Valid.class);
    assertThat(((IdParseResult.Valid) result).id().number()).isEqualTo(number);
  }
}
