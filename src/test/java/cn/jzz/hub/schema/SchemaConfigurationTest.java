package cn.jzz.hub.schema;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class SchemaConfigurationTest {

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner().withUserConfiguration(SchemaConfiguration.class);

  @Test
  void loadsTheSchemaFromTheDefaultDirectory() {
    runner.run(context -> {
      assertThat(context).hasNotFailed();
      assertThat(context.getBean(ResidentSchema.class).fields()).hasSize(55);
      assertThat(context.getBean(TagDictionary.class).ageFilters()).hasSize(4);
    });
  }

  @Test
  void failsAtStartupNamingTheFileAndTheFix() {
    runner.withPropertyValues("hub.schemas-dir=no/such/dir").run(context -> {
      assertThat(context).hasFailed();
      assertThat(context.getStartupFailure()).rootCause()
          .hasMessageContaining("hub.schemas-dir=no/such/dir")
          .hasMessageContaining("has no resident.yaml")
          .hasMessageContaining("HUB_SCHEMAS_DIR");
    });
  }
}
