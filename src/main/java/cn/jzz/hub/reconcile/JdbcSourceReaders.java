package cn.jzz.hub.reconcile;

import cn.jzz.hub.config.HubProperties;
import cn.jzz.hub.connector.ConnectorCatalog.BoundConnector;
import cn.jzz.hub.connector.RawEvent;
import cn.jzz.hub.connector.cdc.CdcMariadbOptions;
import cn.jzz.hub.connector.cdc.CdcPostgresOptions;
import cn.jzz.hub.connector.poll.JdbcPollOptions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * Readers for the sources the hub reads from a database: CDC on PostgreSQL and MariaDB, and polled
 * tables. Each reads exactly the database and tables its connector's options name.
 */
final class JdbcSourceReaders {

  private JdbcSourceReaders() {}

  static List<SourceReader> all(HubProperties properties) {
    return List.of(new CdcPostgres(properties), new CdcMariadb(properties), new JdbcPoll(properties));
  }

  private abstract static class Base<O> implements SourceReader {
    final HubProperties properties;
    private final Class<O> optionsType;

    Base(HubProperties properties, Class<O> optionsType) {
      this.properties = properties;
      this.optionsType = optionsType;
    }

    @Override
    public final void read(BoundConnector<?> connector, Consumer<RawEvent> sink) {
      if (!optionsType.isInstance(connector.options())) {
        throw new IllegalArgumentException("reader for " + type() + " got options of " + connector.options().getClass().getSimpleName());
      }
      O options = optionsType.cast(connector.options());
      String source = connector.definition().source();
      Instant now = Instant.now();
      try (Connection c = connect(options)) {
        for (String table : tables(options)) {
          JdbcRows.readTable(c, schema(options), table, keyColumns(options, table), source, now, sink);
        }
      } catch (SQLException e) {
        throw new SourceUnreadableException("cannot read source " + source + " (" + type() + ", database " + database(options) + "): " + e.getMessage(), e);
      }
    }

    abstract Connection connect(O options) throws SQLException;

    abstract String database(O options);

    abstract List<String> tables(O options);

    String schema(O options) {
      return null;
    }

    List<String> keyColumns(O options, String table) {
      return List.of();
    }

    Connection postgres(String database) throws SQLException {
      HubProperties.Postgres pg = properties.sources().postgres();
      return DriverManager.getConnection(pg.jdbcUrl(database), pg.user(), pg.password());
    }

    Connection mariadb(String database) throws SQLException {
      HubProperties.Mariadb my = properties.sources().mariadb();
      return DriverManager.getConnection(my.jdbcUrl(database), my.user(), my.password());
    }
  }

  static final class CdcPostgres extends Base<CdcPostgresOptions> {
    CdcPostgres(HubProperties properties) {
      super(properties, CdcPostgresOptions.class);
    }

    @Override
    public String type() {
      return "cdc-postgres";
    }

    @Override
    Connection connect(CdcPostgresOptions o) throws SQLException {
      return postgres(o.database());
    }

    @Override
    String database(CdcPostgresOptions o) {
      return o.database();
    }

    @Override
    List<String> tables(CdcPostgresOptions o) {
      return o.tables();
    }

    @Override
    String schema(CdcPostgresOptions o) {
      return o.schema() == null ? "public" : o.schema();
    }
  }

  static final class CdcMariadb extends Base<CdcMariadbOptions> {
    CdcMariadb(HubProperties properties) {
      super(properties, CdcMariadbOptions.class);
    }

    @Override
    public String type() {
      return "cdc-mariadb";
    }

    @Override
    Connection connect(CdcMariadbOptions o) throws SQLException {
      return mariadb(o.database());
    }

    @Override
    String database(CdcMariadbOptions o) {
      return o.database();
    }

    @Override
    List<String> tables(CdcMariadbOptions o) {
      return o.tables();
    }
  }

  static final class JdbcPoll extends Base<JdbcPollOptions> {
    JdbcPoll(HubProperties properties) {
      super(properties, JdbcPollOptions.class);
    }

    @Override
    public String type() {
      return "jdbc-poll";
    }

    @Override
    Connection connect(JdbcPollOptions o) throws SQLException {
      return "mariadb".equals(o.server()) ? mariadb(o.database()) : postgres(o.database());
    }

    @Override
    String database(JdbcPollOptions o) {
      return o.database();
    }

    @Override
    List<String> tables(JdbcPollOptions o) {
      return o.tables().stream().map(JdbcPollOptions.Table::name).toList();
    }

    @Override
    List<String> keyColumns(JdbcPollOptions o, String table) {
      // the poll connector keys its events by the table's configured key column
      return o.tables().stream().filter(t -> t.name().equals(table)).map(JdbcPollOptions.Table::key).toList();
    }
  }
}
