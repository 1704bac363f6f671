package cn.jzz.hub.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jzz.hub.connector.RawEvent;
import cn.jzz.hub.identity.AreaCodes;
import cn.jzz.hub.identity.IdNumbers;
import java.time.Clock;
import java.time.ZoneId;
import cn.jzz.hub.identity.PersonIds;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Raw gaj rows in, contributions or quarantine reasons out, through the shipped mapping file. */
class GajMappingGoldenTest {

  private Normalizer normalizer;
  private PersonIds personIds;

  @BeforeEach
  void setUp() {
    MappingRegistry registry = new MappingRegistry(new MappingCompiler(k -> true));
    registry.loadAll(Path.of("mappings"));
    personIds = new PersonIds(new byte[32]);
    normalizer = new Normalizer(registry, new IdNumbers(AreaCodes.load(Path.of("schemas/divisions")), Clock.system(ZoneId.of("Asia/Shanghai"))), personIds);
  }

  private static RawEvent rk(Map<String, Object> row) {
    return new RawEvent("gaj", "rk_jbxx", "c", "1", row, null, Instant.parse("2026-11-20T02:00:00Z"), "lsn=1");
  }

  private static Map<String, Object> row(Object... kv) {
    Map<String, Object> row = new HashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      row.put((String) kv[i], kv[i + 1]);
    }
    return row;
  }

  @Test
  void aRegisteredResidentBecomesAContribution() {
    var outcome = normalizer.apply(rk(row("gmsfhm", "11010519491231002X", "xm", " 张三 ", "xb", "1", "csrq", "19491231", "ryzt", "0")));
    Contribution c = ((Normalizer.Outcome.Accepted) outcome).contribution();
    assertThat(c.fields())
        .containsEntry("full_name", "张三")
        .containsEntry("sex", "1")
        .containsEntry("birth_date", "1949-12-31")
        .containsEntry("status", "在册")
        .containsEntry("person_category", "1")
        .containsEntry("id_number", "11010519491231002X");
    assertThat(c.personId()).startsWith("p").hasSize(33);
    assertThat(c.recordKey()).isEqualTo("rk_jbxx:1");
  }

  @Test
  void lowerCaseXAndLegacyFifteenDigitNumbersMatchTheSamePerson() {
    var lower = (Normalizer.Outcome.Accepted) normalizer.apply(rk(row("gmsfhm", "11010519491231002x", "xm", "张三", "xb", "1", "csrq", "19491231", "ryzt", "0")));
    var upper = (Normalizer.Outcome.Accepted) normalizer.apply(rk(row("gmsfhm", "11010519491231002X", "xm", "张三", "xb", "1", "csrq", "19491231", "ryzt", "0")));
    assertThat(lower.contribution().personId()).isEqualTo(upper.contribution().personId());
    var legacy = (Normalizer.Outcome.Accepted) normalizer.apply(rk(row("gmsfhm", "370802900101123", "xm", "李四", "xb", "1", "csrq", "19900101", "ryzt", "0")));
    assertThat(legacy.contribution().fields()).containsEntry("id_number", "37080219900101123X");
  }

  @Test
  void oldChangedSexCodesTranslate() {
    var out = (Normalizer.Outcome.Accepted) normalizer.apply(rk(row("gmsfhm", "11010519491231002X", "xm", "张三", "xb", "3", "csrq", "19491231", "ryzt", "0")));
    assertThat(out.contribution().fields()).containsEntry("sex", "5");
  }

  @Test
  void aWrongCheckCharacterIsQuarantinedWithItsReason() {
    var out = normalizer.apply(rk(row("gmsfhm", "110105194912310021", "xm", "张三", "xb", "1", "csrq", "19491231", "ryzt", "0")));
    assertThat(out).isInstanceOf(Normalizer.Outcome.Rejected.class);
    assertThat(((Normalizer.Outcome.Rejected) out).reason()).isEqualTo("BAD_CHECK_CHARACTER");
  }

  @Test
  void anUnreadableDateIsDroppedWithANoteNotTheWholeRow() {
    var out = (Normalizer.Outcome.Accepted) normalizer.apply(rk(row("gmsfhm", "11010519491231002X", "xm", "张三", "xb", "1", "csrq", "1949-13-45", "ryzt", "0")));
    assertThat(out.contribution().fields()).doesNotContainKey("birth_date");
    assertThat(out.contribution().quality()).singleElement().asString().startsWith("birth_date:");
  }

  @Test
  void aCancelledMigrantRegistrationIsFilteredByTheNamedRule() {
    RawEvent event = new RawEvent("gaj", "ldrk_djxx", "c", "7", row("gmsfhm", "11010519491231002X", "xm", "张三", "xb", "1", "csrq", "19491231", "zxbz", "1"), null, Instant.now(), "lsn=2");
    var out = normalizer.apply(event);
    assertThat(out).isInstanceOf(Normalizer.Outcome.Filtered.class);
    assertThat(((Normalizer.Outcome.Filtered) out).rule()).isEqualTo("when zxbz not in [1]");
  }

  @Test
  void anUnmappedTableIsFilteredNotLost() {
    RawEvent event = new RawEvent("gaj", "jd_sqjd", "c", "1", row("gmsfhm", "11010519491231002X"), null, Instant.now(), "lsn=3");
    assertThat(normalizer.apply(event)).isInstanceOf(Normalizer.Outcome.Filtered.class);
  }
}
