package cn.jzz.hub.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The hub's typed configuration ({@code hub.*}). Addresses and credentials differ between the demo and
 * production; everything else is the same. Validation fails at start-up naming the property to fix.
 */
@Validated
@ConfigurationProperties(prefix = "hub")
public record HubProperties(
    @NotNull @DefaultValue("./data") Path dataDir,
    @NotNull @DefaultValue("connectors") Path connectorsDir,
    @NotNull @DefaultValue("mappings") Path mappingsDir,
    @Valid @NotNull @DefaultValue Elasticsearch elasticsearch,
    @Valid @NotNull @DefaultValue Kafka kafka,
    @Valid @NotNull @DefaultValue Sources sources) {

  public record Elasticsearch(
      @NotBlank(message = "set hub.elasticsearch.url (env HUB_ELASTICSEARCH_URL), e.g. http://127.0.0.1:9200")
          @DefaultValue("http://127.0.0.1:9200")
          String url,
      @DefaultValue("residents") String alias,
      String username,
      String password) {}

  public record Kafka(
      @NotBlank(message = "set hub.kafka.bootstrap-servers (env HUB_KAFKA_BOOTSTRAP_SERVERS), e.g. 127.0.0.1:9092")
          @DefaultValue("127.0.0.1:9092")
          String bootstrapServers,
      @NotBlank @DefaultValue("jzz-hub") String applicationId,
      @NotBlank @DefaultValue("hub") String topicNamespace,
      @Min(1) @DefaultValue("3") int partitions,
      @Min(1) @DefaultValue("1") short replicationFactor) {}

  public record Sources(@Valid @NotNull @DefaultValue Postgres postgres, @Valid @NotNull @DefaultValue Mariadb mariadb) {}

  /** The PostgreSQL server that holds departmental databases; each source names its own database. */
  public record Postgres(
      @DefaultValue("127.0.0.1") String host,
      @Min(1) @DefaultValue("5432") int port,
      @DefaultValue("postgres") String user,
      // Debezium insists on a password even where the server trusts local connections.
      @DefaultValue("postgres") String password) {
    public String jdbcUrl(String database) {
      return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }
  }

  /** The MariaDB server that holds departmental databases. */
  public record Mariadb(
      @DefaultValue("127.0.0.1") String host,
      @Min(1) @DefaultValue("3306") int port,
      @DefaultValue("root") String user,
      @DefaultValue("") String password) {
    public String jdbcUrl(String database) {
      return "jdbc:mariadb://" + host + ":" + port + "/" + database;
    }
  }

  public Topics topics() {
    return new Topics(kafka.topicNamespace());
  }

  /** Local state owned by this hub instance: connector offsets, stream state, secrets of the demo. */
  public Path stateDir() {
    return dataDir.resolve("state");
  }
}
