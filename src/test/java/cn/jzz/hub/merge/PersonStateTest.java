package cn.jzz.hub.merge;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jzz.hub.normalize.Contribution;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PersonStateTest {

  private static final Instant T1 = Instant.parse("2026-11-20T01:00:00Z");
  private static final Instant T2 = Instant.parse("2026-11-20T02:00:00Z");
  private final GoldenRecordBuilder golden = new GoldenRecordBuilder(GoldenRecordBuilder.Survivorship.latestWins(), Clock.fixed(T2, ZoneOffset.UTC));

  private static Contribution gaj(String key, String name, Instant at) {
    return new Contribution("p1", "gaj", "rk_jbxx", key, Map.of("full_name", name), List.of(), at, "lsn", 1, false);
  }

  @Test
  void anOlderEventNeverOverwritesANewerOne() {
    PersonState state = PersonState.empty("p1").apply(gaj("rk_jbxx:1", "新名", T2));
    PersonState replayed = state.apply(gaj("rk_jbxx:1", "旧名", T1));
    assertThat(replayed).isSameAs(state);
    assertThat(golden.build(replayed)).containsEntry("full_name", "新名");
  }

  @Test
  void theSameEventTwiceChangesNothing() {
    PersonState state = PersonState.empty("p1").apply(gaj("rk_jbxx:1", "张三", T1));
    assertThat(state.apply(gaj("rk_jbxx:1", "张三", T1))).isSameAs(state);
    assertThat(state.version()).isEqualTo(1);
  }

  @Test
  void aWithdrawalRemovesThePersonAndCannotBeUndoneByAnOlderReplay() {
    PersonState state = PersonState.empty("p1").apply(gaj("rk_jbxx:1", "张三", T1));
    PersonState gone = state.apply(Contribution.withdrawal("p1", "gaj", "rk_jbxx:1", T2, "lsn", 1));
    assertThat(golden.build(gone)).isNull();
    assertThat(gone.version()).isGreaterThan(state.version());
    assertThat(gone.apply(gaj("rk_jbxx:1", "张三", T1))).isSameAs(gone);
  }

  @Test
  void provenanceAndConflictsNameTheSources() {
    PersonState state =
        PersonState.empty("p1")
            .apply(gaj("rk_jbxx:1", "张三", T1))
            .apply(new Contribution("p1", "gaj", "ldrk_djxx", "ldrk_djxx:9", Map.of("full_name", "张叁"), List.of(), T2, "lsn", 1, false));
    Map<String, Object> doc = golden.build(state);
    assertThat(doc).containsEntry("full_name", "张叁").containsEntry("status", "在册").containsEntry("sources", List.of("gaj"));
    assertThat(doc.get("provenance").toString()).contains("record_key=ldrk_djxx:9").contains("rule=latest");
    assertThat(doc.get("conflicts").toString()).contains("value=张三");
  }
}
