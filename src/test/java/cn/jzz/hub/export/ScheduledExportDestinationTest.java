package cn.jzz.hub.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ScheduledExportDestinationTest {

  private static final Path DATA = Path.of("/srv/hub/data");

  @Test
  void aRelativeDirectoryLandsInsideTheDataDir() {
    assertThat(ScheduledExports.destination(DATA, "exports/scheduled/elderly-care")).isEqualTo(DATA.resolve("exports/scheduled/elderly-care"));
    assertThat(ScheduledExports.destination(DATA, "exports/./weekly")).isEqualTo(DATA.resolve("exports/weekly"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"/tmp/out", "../elsewhere", "exports/../../etc", "exports/..", "C:/share"})
  void anAbsoluteOrClimbingDestinationIsRefusedAsADefinitionProblem(String destination) {
    assertThatThrownBy(() -> ScheduledExports.destination(DATA, destination))
        .isInstanceOf(ScheduledExports.InvalidSchedule.class)
        .hasMessageContaining("destination '" + destination + "'")
        .hasMessageContaining("routes/");
  }

  @Test
  void aMissingDestinationSaysWhere() {
    assertThatThrownBy(() -> ScheduledExports.destination(DATA, " ")).hasMessageContaining("missing").hasMessageContaining(DATA.toString());
  }
}
