package cn.jzz.hub.identity;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/** Shared, loaded-once area codes and a fixed clock for identity tests. */
final class IdFixtures {

  static final LocalDate TODAY = LocalDate.of(2026, 11, 26);
  static final Clock CLOCK = Clock.fixed(
      TODAY.atTime(10, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant(), ZoneId.of("Asia/Shanghai"));

  private static AreaCodes areaCodes;

  private IdFixtures() {}

  static synchronized AreaCodes areaCodes() {
    if (areaCodes == null) {
      areaCodes = AreaCodes.load(Path.of("schemas/divisions"));
    }
    return areaCodes;
  }

  static IdNumbers idNumbers() {
    return new IdNumbers(areaCodes(), CLOCK);
  }

  /** Appends the check character. */
  static String withCheck(String first17) {
    return first17 + IdNumbers.checkCharacter(first17);
  }
}
