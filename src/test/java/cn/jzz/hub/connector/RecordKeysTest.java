package cn.jzz.hub.connector;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RecordKeysTest {

  private final RecordKeys keys = new RecordKeys(ConnectorFixtures.KEY);

  @Test
  void aKeyIsHPlus32HexAndNeverContainsTheIdNumber() {
    String key = keys.key("clj", "cjr", List.of("370811199001011234"));
    assertThat(key).matches("h[0-9a-f]{32}").doesNotContain("370811");
  }

  @Test
  void theSameNaturalKeyGivesTheSameKeyWhateverTheCaseOrSurroundingBlanks() {
    assertThat(keys.key("clj", "cjr", List.of(" 37081119900101123x "))).isEqualTo(keys.key("clj", "cjr", List.of("37081119900101123X")));
  }

  @Test
  void sourceEntityAndEveryKeyValueTellKeysApart() {
    String base = keys.key("fl", "etga", List.of("370811201001011234", "留守儿童"));
    assertThat(keys.key("fl", "etga", List.of("370811201001011234", "困境儿童"))).isNotEqualTo(base);
    assertThat(keys.key("tyjrj", "etga", List.of("370811201001011234", "留守儿童"))).isNotEqualTo(base);
    assertThat(new RecordKeys("another-key-another-key-another-key!".getBytes()).key("fl", "etga", List.of("370811201001011234", "留守儿童")))
        .isNotEqualTo(base);
  }
}
