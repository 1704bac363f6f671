package cn.jzz.hub.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.jzz.hub.connector.cdc.CdcMariadbConnectorType;
import cn.jzz.hub.connector.cdc.CdcMariadbOptions;
import cn.jzz.hub.connector.cdc.CdcPostgresConnectorType;
import cn.jzz.hub.connector.file.FileDropConnectorType;
import cn.jzz.hub.connector.file.FileDropOptions;
import cn.jzz.hub.connector.poll.JdbcPollConnectorType;
import cn.jzz.hub.connector.poll.JdbcPollOptions;
import cn.jzz.hub.connector.rest.RestPollConnectorType;
import cn.jzz.hub.connector.rest.RestPollOptions;
import cn.jzz.hub.support.ConfigProblems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectorCatalogTest {

  private final ConnectorCatalog catalog =
      new ConnectorCatalog(
          List.of(new CdcPostgresConnectorType(), new CdcMariadbConnectorType(), new JdbcPollConnectorType(), new RestPollConnectorType(), new FileDropConnectorType()));

  @Test
  void theShippedConnectorsOfAllSixteenSourcesBindToTheirTypes() {
    Map<String, String> types =
        catalog.load(Path.of("connectors")).stream().collect(Collectors.toMap(b -> b.definition().source(), b -> b.definition().type()));
    assertThat(types)
        .containsOnly(
            Map.entry("gaj", "cdc-postgres"), Map.entry("jyj", "cdc-postgres"), Map.entry("zjj", "cdc-postgres"), Map.entry("zfw", "cdc-postgres"),
            Map.entry("mzj", "cdc-mariadb"), Map.entry("rsj", "cdc-mariadb"),
            Map.entry("ybj", "jdbc-poll"), Map.entry("zrzyj", "jdbc-poll"), Map.entry("sfj", "jdbc-poll"), Map.entry("zzb", "jdbc-poll"),
            Map.entry("wjw", "rest"), Map.entry("ishandong", "rest"),
            Map.entry("clj", "file"), Map.entry("xfj", "file"), Map.entry("tyjrj", "file"), Map.entry("fl", "file"));
  }

  @Test
  void typedOptionsCarryWhatTheYamlSays() {
    Map<String, Object> options =
        catalog.load(Path.of("connectors")).stream().collect(Collectors.toMap(b -> b.definition().source(), b -> (Object) b.options()));
    JdbcPollOptions sfj = (JdbcPollOptions) options.get("sfj");
    assertThat(sfj.server()).isEqualTo("mariadb");
    assertThat(sfj.tables()).extracting(JdbcPollOptions.Table::name, JdbcPollOptions.Table::timestamp, JdbcPollOptions.Table::key)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("sqjz_jzdx", "update_time", "id"), org.assertj.core.groups.Tuple.tuple("azbj_xmsf", "update_time", "id"));
    FileDropOptions clj = (FileDropOptions) options.get("clj");
    assertThat(clj.encoding()).isEqualTo("GBK");
    assertThat(clj.keyColumns()).containsExactly("身份证号");
    RestPollOptions ishandong = (RestPollOptions) options.get("ishandong");
    assertThat(ishandong.auth().type()).isEqualTo("hmac-headers");
    assertThat(ishandong.auth().clientSecret()).isEqualTo("${hub.sources.ishandong.client-secret}");
    assertThat(ishandong.resources()).extracting(RestPollOptions.Resource::name).containsExactly("jmzzsb", "swxx", "ylbx");
    assertThat(((CdcMariadbOptions) options.get("mzj")).tables()).containsExactly("sa_family", "sa_member", "hy_djxx", "child_care");
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
        .hasMessageContaining("mzj.yaml: type: unknown connector type 'cdc-mysql'; known types: [cdc-mariadb, cdc-postgres, file, jdbc-poll, rest]")
        .hasMessageContaining("zzb.yaml: source: is 'zfw' but the file is named for 'zzb'")
        .hasMessageContaining("zzb.yaml: options.database: required");
  }

  @Test
  void eachTypeChecksItsOptionsAndSaysTheFix(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("ybj.yaml"), "source: ybj\ntype: jdbc-poll\noptions:\n  server: oracle\n  database: dept_ybj\n  tables:\n    - {name: \"v; drop table x\", timestamp: updt_time}\n");
    Files.writeString(dir.resolve("wjw.yaml"), "source: wjw\ntype: rest\noptions:\n  base-url: http://127.0.0.1:1/api\n  auth: {type: bearer-token, client-id: hub, client-secret: s3cret}\n"
        + "  paging: {type: offset, size: 1000}\n  watermark: {param: updatedSince, format: iso-offset}\n  resources: [{name: health-records, path: /api/v1/health-records, key-fields: [idCard]}]\n");
    Files.writeString(dir.resolve("clj.yaml"), "source: clj\ntype: file\noptions:\n  format: xls\n  entity: cjr\n  encodng: GBK\n");
    Files.writeString(dir.resolve("mzj.yaml"), "source: mzj\ntype: cdc-mariadb\noptions:\n  database: dept_mzj\n  tables: [sa_family]\n  server-id: 1\n");
    assertThatThrownBy(() -> catalog.load(dir))
        .hasMessageContaining("ybj.yaml: options.server: must be one of [mariadb, postgres], got 'oracle'")
        .hasMessageContaining("ybj.yaml: options.tables[0].name: 'v; drop table x' is not a plain SQL identifier")
        .hasMessageContaining("ybj.yaml: options.tables[0].key: required")
        .hasMessageContaining("wjw.yaml: options.base-url: required: scheme, host and port only")
        .hasMessageContaining("wjw.yaml: options.auth.client-secret: must be a ${property} placeholder")
        .hasMessageContaining("wjw.yaml: options.paging.size: must be 1…500 for offset paging")
        .hasMessageContaining("clj.yaml: options.encodng: unknown option for type 'file'; allowed: [delimiter, encoding, entity, format, key-columns, max-cell-chars")
        .hasMessageContaining("mzj.yaml: options.server-id: must be 2…4294967295");
  }

  @Test
  void upperCaseTableNamesAreRefusedWithTheReason(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("gaj.yaml"), "source: gaj\ntype: cdc-postgres\noptions:\n  database: dept_gaj\n  tables: [RK_JBXX]\n");
    assertThatThrownBy(() -> catalog.load(dir)).hasMessageContaining("options.tables[0]: 'RK_JBXX' must be lower case");
  }
}
