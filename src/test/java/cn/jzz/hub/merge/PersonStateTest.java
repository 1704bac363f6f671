package cn.jzz.hub.merge;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jzz.hub.normalize.Contribution;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PersonStateTest {

  private static final Instant T1 = Instant.parse("2026-11-20T01:00:00Z");
  private static final Instant T2 = Instant.parse("2026-11-20T02:00:00Z");

  private static Contribution gaj(String key, String name, Instant at) {
    return new Contribution("p1", "gaj", "rk_jbxx", key, Map.of("full_name", name), List.of(), at, "lsn", 1, false);
  }

  @Test
  void anOlderEventNeverOverwritesANewerOne() {
    PersonState state = PersonState.empty("p1").apply(gaj("rk_jbxx:1", "新名", T2));
    assertThat(state.apply(gaj("rk_jbxx:1", "旧名", T1))).isSameAs(state);
    assertThat(state.slots().get("gaj/rk_jbxx:1").fields()).containsEntry("full_name", "新名");
  }

  @Test
  void theSameEventTwiceChangesNothing() {
    PersonState state = PersonState.empty("p1").apply(gaj("rk_jbxx:1", "张三", T1));
    assertThat(state.apply(gaj("rk_jbxx:1", "张三", T1))).isSameAs(state);
  }

  @Test
  void aWithdrawalStaysAsAMarkerSoAnOlderReplayCannotReviveIt() {
    PersonState state = PersonState.empty("p1").apply(gaj("rk_jbxx:1", "张三", T1));
    PersonState gone = state.apply(Contribution.withdrawal("p1", "gaj", "rk_jbxx:1", T2, "lsn", 1));
    assertThat(gone.hasActiveContribution()).isFalse();
    assertThat(gone.apply(gaj("rk_jbxx:1", "张三", T1))).isSameAs(gone);
  }

  @Test
  void anEqualTimeReplaysUnderANewMappingVersion() {
    PersonState state = PersonState.empty("p1").apply(gaj("rk_jbxx:1", "张三", T1));
    PersonState remapped = state.apply(new Contribution("p1", "gaj", "rk_jbxx", "rk_jbxx:1", Map.of("full_name", "张三丰"), List.of(), T1, "lsn", 2, false));
    assertThat(remapped.slots().get("gaj/rk_jbxx:1").mappingVersion()).isEqualTo(2);
  }
}
