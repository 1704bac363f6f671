package cn.jzz.hub.console;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jzz.hub.schema.ResidentSchema;
import cn.jzz.hub.support.Json;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The console's reference data, built from the repository's schemas/. */
class ConsoleConfigTest {

  private static final Path SCHEMAS = Path.of("schemas");
  private final ConsoleConfig config = ConsoleConfig.from(ResidentSchema.load(SCHEMAS), SCHEMAS);

  @Test
  void codeTablesNameTheCodesTheRecordHolds() {
    assertThat(config.codeTables().get("sex")).containsEntry("1", "男").containsEntry("2", "女");
    assertThat(config.codeTables()).containsKeys("ethnicity", "education", "relation-to-head", "division");
  }

  @Test
  void divisionsAreShandongOnlyAndJiningIsNamedDownToItsCommunities() {
    assertThat(config.codeTables().get("division").keySet()).isNotEmpty().allMatch(code -> code.startsWith("37"));
    assertThat(config.divisions()).containsEntry("370811", "任城区").containsEntry("370811002", "许庄街道");
    assertThat(config.divisions().keySet()).anyMatch(code -> code.length() == 12).allMatch(code -> code.startsWith("3708"));
  }

  @Test
  void everySourceOfTheRegistryIsNamedInChinese() {
    assertThat(config.sources()).hasSize(16);
    assertThat(config.sources()).contains(new ConsoleConfig.SourceView("gaj", "公安局", "postgresql"));
  }

  @Test
  void theAnswerIsSnakeCaseJsonAndSmall() {
    String json = Json.write(config);
    assertThat(json).contains("\"code_tables\"").contains("\"time_zone\":\"Asia/Shanghai\"");
    // the whole national division table would be megabytes; the console loads this on every sign-in
    assertThat(json.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThan(200_000);
  }
}
