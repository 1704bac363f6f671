package cn.jzz.hub.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class PersonIdsTest {

  private static final byte[] KEY = new byte[32];

  static {
    Arrays.fill(KEY, (byte) 7);
  }

  @Provide
  Arbitrary<String> numbers() {
    return Arbitraries.strings().numeric().ofLength(17).map(IdFixtures::withCheck);
  }

  @Property(tries = 300)
  void stableForAKeyAndShapedPPlus32Hex(@ForAll("numbers") String number) {
    String id = new PersonIds(KEY).of(number);
    assertThat(id).matches("p[0-9a-f]{32}");
    assertThat(PersonIds.isPersonId(id)).isTrue();
    assertThat(new PersonIds(KEY.clone()).of(number)).isEqualTo(id);
  }

  @Property(tries = 300)
  void differentKeysGiveDifferentIds(
      @ForAll("numbers") String number, @ForAll @Size(min = 32, max = 64) byte[] other) {
    if (Arrays.equals(other, KEY)) {
      return;
    }
    assertThat(new PersonIds(other).of(number)).isNotEqualTo(new PersonIds(KEY).of(number));
  }

  @Test
  void knownVector() throws Exception {
    // HMAC-SHA256(key = 32 × 0x07, "11010519491231002X"), first 16 bytes, computed independently below
    javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
    mac.init(new javax.crypto.spec.SecretKeySpec(KEY, "HmacSHA256"));
    String expected = "p" + java.util.HexFormat.of().formatHex(mac.doFinal("11010519491231002X".getBytes()), 0, 16);
    assertThat(new PersonIds(KEY).of("11010519491231002X")).isEqualTo(expected);
  }

  @Test
  void refusesShortKeysAndUnnormalisedNumbers() {
    assertThatThrownBy(() -> new PersonIds(new byte[31])).hasMessageContaining("at least 32 bytes");
    assertThatThrownBy(() -> new PersonIds(KEY).of("11010519491231002x"))
        .hasMessageContaining("parse the raw value with IdNumbers first")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("110105"));
  }
}
