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
    Properties p = new Properties();
    p.setProperty("name", "hub-" + source);
    p.setProperty("connector.class", "io.debezium.connector.postgresql.PostgresConnector");
    p.setProperty("offset.storage", "org.apache.kafka.connect.storage.FileOffsetBackingStore");
    p.setProperty("offset.storage.file.filename", context.stateDir(source).resolve("offsets.dat").toString());
    p.setProperty("offset.flush.interval.ms", "1000");
    p.setProperty("database.hostname", server.host());
    p.setProperty("database.port", String.valueOf(server.port()));
    p.setProperty("database.user", server.user());
    p.setProperty("database.password", server.password());
    p.setProperty("database.dbname", options.database());
    p.setProperty("topic.prefix", source);
    p.setProperty("plugin.name", "pgoutput");
    p.setProperty("slot.name", options.slot() != null ? options.slot() : "hub_" + source);
    p.setProperty("publication.name", options.publication() != null ? options.publication() : "hub_" + source);
    p.setProperty("publication.autocreate.mode", "filtered");
    p.setProperty(
        "table.include.list",
        options.tables().stream().map(t -> options.schemaOrDefault() + "." + t).collect(Collectors.joining(",")));
    p.setProperty("poll.interval.ms", String.valueOf(options.pollIntervalMs() == null ? 50 : options.pollIntervalMs()));
    p.setProperty("max.batch.size", "4096");
    p.setProperty("max.queue.size", "16384");
    p.setProperty("decimal.handling.mode", "string");
    p.setProperty("snapshot.mode", "initial");
    p.setProperty("errors.max.retries", "-1");
    // On stop, let an in-flight batch finish rather than interrupt it halfway through publishing.
    p.setProperty("record.processing.shutdown.timeout.ms", "30000");
    return new DebeziumSourceConnector(source, id(), p, context);
  }
}
