package cn.jzz.hub.index;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class IndexConfigurationTest {

  @Test
  void aRefreshGapOutsideItsRangeFailsAtStartNamingTheFix() {
    for (Duration wrong : new Duration[] {Duration.ofMillis(-1), Duration.ofMinutes(1)}) {
      assertThatThrownBy(() -> new IndexConfiguration().residentIndexer(null, null, null, wrong))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("hub.index.refresh-min-gap is " + wrong)
          .hasMessageContaining("between 0ms and 30s")
          .hasMessageContaining("HUB_INDEX_REFRESH_MIN_GAP");
    }
  }
}
