package cn.jzz.hub.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.jzz.hub.connector.cdc.CdcPostgresConnectorType;
import cn.jzz.hub.support.ConfigProblems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectorCatalogTest {

  private final ConnectorCatalog catalog = new ConnectorCatalog(List.of(new CdcPostgresConnectorType()));

  @Test
  void theShippedConnectorsBind() {
    assertThat(catalog.load(Path.of("connectors"))).extracting(b -> b.definition().source()).contains("gaj");
  }

  @Test
  void everyMistakeOfEveryFileIsReportedWithTheAllowedKeys(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("gaj.yaml"), "source: gaj\ntype: cdc-postgres\noptions:\n  database: dept_gaj\n  tables: [RK_JBXX]\n  slott: x\n");
    Files.writeString(dir.resolve("mzj.yaml"), "source: mzj\ntype: cdc-mysql\ncolour: red\n");
    Files.writeString(dir.resolve("zzb.yaml"), "source: zfw\ntype: cdc-postgres\noptions:\n  tables: [dy_xx]\n");
    assertThatThrownBy(() -> catalog.load(dir))
        .isInstanceOf(ConfigProblems.InvalidConfigException.class)
        .hasMessageContaining("gaj.yaml: options.slott: unknown option for type 'cdc-postgres'; allowed: [database, poll-interval-ms, publication, schema, slot, tables]")
        .hasMessageContaining("mzj.yaml: colour: unknown key; allowed: [description, enabled, options, source, type]")
        .hasMessageContaining("mzj.yaml: type: unknown connector type 'cdc-mysql'; known types: [cdc-postgres]")
        .hasMessageContaining("zzb.yaml: source: is 'zfw' but the file is named for 'zzb'")
        .hasMessageContaining("zzb.yaml: options.database: required");
  }

  @Test
  void upperCaseTableNamesAreRefusedWithTheReason(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("gaj.yaml"), "source: gaj\ntype: cdc-postgres\noptions:\n  database: dept_gaj\n  tables: [RK_JBXX]\n");
    assertThatThrownBy(() -> catalog.load(dir)).hasMessageContaining("options.tables[0]: 'RK_JBXX' must be lower case");
  }
}
