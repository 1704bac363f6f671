package cn.jzz.hub.connector.cdc;

import cn.jzz.hub.config.HubProperties;
import cn.jzz.hub.connector.ConnectorContext;
import cn.jzz.hub.connector.ConnectorType;
import cn.jzz.hub.connector.SourceConnector;
import java.util.Properties;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** {@code type: cdc-postgres}: Debezium's PostgreSQL connector with the pgoutput plugin. */
@Component
public class CdcPostgresConnectorType implements ConnectorType<CdcPostgresOptions> {

  @Override
  public String id() {
    return "cdc-postgres";
  }

  @Override
  public Class<CdcPostgresOptions> optionsType() {
    return CdcPostgresOptions.class;
  }

  @Override
  public SourceConnector create(String source, CdcPostgresOptions options, ConnectorContext context) {
    HubProperties.Postgres server = context.properties().sources().postgres();
    Properties p = DebeziumEngineProperties.common(source, "io.debezium.connector.postgresql.PostgresConnector", options.pollIntervalMs(), context);
    p.setProperty("database.hostname", server.host());
    p.setProperty("database.port", String.valueOf(server.port()));
    p.setProperty("database.user", server.user());
    p.setProperty("database.password", server.password());
    p.setProperty("database.dbname", options.database());
    p.setProperty("plugin.name", "pgoutput");
    p.setProperty("slot.name", options.slot() != null ? options.slot() : "hub_" + source);
    p.setProperty("publication.name", options.publication() != null ? options.publication() : "hub_" + source);
    p.setProperty("publication.autocreate.mode", "filtered");
    p.setProperty(
        "table.include.list",
        options.tables().stream().map(t -> options.schemaOrDefault() + "." + t).collect(Collectors.joining(",")));
    return new DebeziumSourceConnector(source, id(), p, context);
  }
}
