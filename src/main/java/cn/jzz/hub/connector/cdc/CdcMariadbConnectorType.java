package cn.jzz.hub.connector.cdc;

import cn.jzz.hub.config.HubProperties;
import cn.jzz.hub.connector.ConnectorContext;
import cn.jzz.hub.connector.ConnectorType;
import cn.jzz.hub.connector.SourceConnector;
import java.util.Properties;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * {@code type: cdc-mariadb}: Debezium's MariaDB connector on the binlog. Not the MySQL connector: it
 * misses MariaDB's GTID events and, after a restart, resumes inside a transaction and skips a row.
 * Schema history goes to a file in the source's state directory (Debezium's default is Kafka).
 */
@Component
public class CdcMariadbConnectorType implements ConnectorType<CdcMariadbOptions> {

  @Override
  public String id() {
    return "cdc-mariadb";
  }

  @Override
  public Class<CdcMariadbOptions> optionsType() {
    return CdcMariadbOptions.class;
  }

  @Override
  public SourceConnector create(String source, CdcMariadbOptions options, ConnectorContext context) {
    HubProperties.Mariadb server = context.properties().sources().mariadb();
    Properties p = DebeziumEngineProperties.common(source, "io.debezium.connector.mariadb.MariaDbConnector", options.pollIntervalMs(), context);
    p.setProperty("schema.history.internal", "io.debezium.storage.file.history.FileSchemaHistory");
    p.setProperty("schema.history.internal.file.filename", context.stateDir(source).resolve("schema-history.dat").toString());
    p.setProperty("database.hostname", server.host());
    p.setProperty("database.port", String.valueOf(server.port()));
    p.setProperty("database.user", server.user());
    p.setProperty("database.password", server.password());
    p.setProperty("database.ssl.mode", "disable");
    p.setProperty("database.server.id", String.valueOf(options.serverId() != null ? options.serverId() : CdcMariadbOptions.defaultServerId(source)));
    p.setProperty("database.include.list", options.database());
    p.setProperty("table.include.list", options.tables().stream().map(t -> options.database() + "." + t).collect(Collectors.joining(",")));
    p.setProperty("include.schema.changes", "false");
    return new DebeziumSourceConnector(source, id(), p, context);
  }
}
