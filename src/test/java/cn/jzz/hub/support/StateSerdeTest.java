package cn.jzz.hub.support;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jzz.hub.merge.PersonState;
import cn.jzz.hub.normalize.Contribution;
import cn.jzz.hub.schema.TagAssertion;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class StateSerdeTest {

  private final StateSerde<PersonState> serde = StateSerde.of(PersonState.class);

  private static PersonState alice() {
    Contribution gaj =
        new Contribution(
            "p1", "gaj", "rk_jbxx", "rk_jbxx:1", Map.of("full_name", "张三", "house_count", 2, "birth_date", "1950-01-01", "co", List.of("1960-02-02")),
            List.of("phone: unreadable"), Instant.parse("2026-11-20T02:00:00.123Z"), "0/16B3748", 3, false, null,
            List.of(new TagAssertion("低保", "mzj", LocalDate.parse("2026-01-01"), null)));
    Map<String, Contribution> slots = new TreeMap<>(Map.of(gaj.slot(), gaj));
    return new PersonState("p1", 4, slots, "abc", Map.of());
  }

  @Test
  void aStateReadsBackEqualSoAnUnchangedContributionStaysUnchanged() {
    byte[] stored = serde.serialize("t", alice());
    assertThat(stored[0]).as("Smile, not JSON text").isNotEqualTo((byte) '{');
    PersonState read = serde.deserialize("t", stored);
    assertThat(read).isEqualTo(alice());
    assertThat(read.apply(alice().slots().values().iterator().next())).as("apply sees the same contribution").isSameAs(read);
  }

  @Test
  void stateWrittenAsJsonByEarlierVersionsIsStillRead() {
    byte[] legacy = Json.write(alice()).getBytes(StandardCharsets.UTF_8);
    assertThat(serde.deserialize("t", legacy)).isEqualTo(alice());
  }
}
