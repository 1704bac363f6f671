package cn.jzz.hub.normalize;

import cn.jzz.hub.identity.AreaCodes;
import cn.jzz.hub.identity.IdNumbers;
import cn.jzz.hub.identity.PersonIds;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

/** The repository's schemas, mappings and connectors, with a fixed "today" (2026-11-26, Asia/Shanghai). */
final class NormalizeFixtures {

  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T02:00:00Z"), ZoneId.of("Asia/Shanghai"));
  static final IdNumbers ID_NUMBERS = new IdNumbers(AreaCodes.load(Path.of("schemas/divisions")), CLOCK);
  static final MappingContext CONTEXT = MappingContext.load(Path.of("schemas"), Path.of("connectors"), ID_NUMBERS);
  static final PersonIds PERSON_IDS = new PersonIds(new byte[32]);

  private NormalizeFixtures() {}

  static MappingRegistry registry() {
    MappingRegistry registry = new MappingRegistry(new MappingCompiler(CONTEXT));
    registry.loadAll(Path.of("mappings"));
    return registry;
  }

  static Normalizer normalizer(MappingRegistry registry) {
    return new Normalizer(registry, PERSON_IDS);
  }
}
