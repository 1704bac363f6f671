package cn.jzz.hub.connector.poll;

import cn.jzz.hub.config.HubProperties;
import cn.jzz.hub.connector.ConnectorContext;
import cn.jzz.hub.connector.IngestException;
import cn.jzz.hub.connector.RawEvent;
import cn.jzz.hub.connector.StateStore;
import cn.jzz.hub.connector.camel.CamelSourceConnector;
import com.fasterxml.jackson.core.type.TypeReference;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.camel.Exchange;

/**
 * Polls tables without CDC rights by keyset pages on a change timestamp. Each page is published,
 * then its watermark is stored durably, so a restart resumes after the last published row. Deletes
 * are invisible to polling: a source that deletes rows needs CDC (ybj never deletes; it marks rows
 * terminated). Events are {@code r}: a poll cannot tell an insert from an update.
 */
final class JdbcPollConnector extends CamelSourceConnector {

  static final ZoneId LOCAL = ZoneId.of("Asia/Shanghai");
  private static final String STATE = "watermarks.json";

  private final JdbcPollOptions options;
  private final StateStore state;
  private final Map<String, Watermark> watermarks = new HashMap<>();
  private Connection connection;

  JdbcPollConnector(String source, String type, JdbcPollOptions options, ConnectorContext context) {
    super(source, type, context);
    this.options = options;
    this.state = context.state(source);
  }

  @Override
  protected String fromUri() {
    return pollUri(options.intervalMsOrDefault());
  }

  @Override
  protected void prepare() {
    watermarks.clear();
    watermarks.putAll(state.read(STATE, new TypeReference<Map<String, Watermark>>() {}).orElse(Map.of()));
  }

  @Override
  protected void work(Exchange exchange) throws Exception {
    try {
      Connection c = connection();
      for (JdbcPollOptions.Table table : options.tables()) {
        pollTable(c, table);
      }
    } catch (SQLException e) {
      closeConnection();
      throw classify(e);
    }
  }

  private void pollTable(Connection c, JdbcPollOptions.Table table) throws Exception {
    String entity = table.name().toLowerCase(Locale.ROOT);
    KeysetQuery query = new KeysetQuery(table.name(), table.timestamp(), table.key(), options.pageSizeOrDefault());
    KeysetPager.drain(
        watermarks.get(entity),
        options.pageSizeOrDefault(),
        (after, limit) -> page(c, query, table, after),
        (page, last) -> {
          List<RawEvent> events = new ArrayList<>(page.size());
          for (KeysetPager.Row row : page) {
            LocalDateTime ts = row.position().ts();
            events.add(
                new RawEvent(source, entity, "r", String.valueOf(row.position().key()), row.values(), null, ts.atZone(LOCAL).toInstant(),
                    entity + "@" + ts + "|" + row.position().key()));
          }
          publish(events);
          watermarks.put(entity, last);
          state.write(STATE, watermarks);
        },
        this::stopping);
  }

  private List<KeysetPager.Row> page(Connection c, KeysetQuery query, JdbcPollOptions.Table table, Watermark after) throws SQLException {
    try (PreparedStatement statement = c.prepareStatement(after == null ? query.first() : query.after())) {
      if (after != null) {
        statement.setObject(1, after.ts());
        statement.setObject(2, after.ts());
        statement.setObject(3, after.key());
      }
      statement.setQueryTimeout(60);
      try (ResultSet rs = statement.executeQuery()) {
        ResultSetMetaData meta = rs.getMetaData();
        List<KeysetPager.Row> rows = new ArrayList<>();
        while (rs.next()) {
          Map<String, Object> values = new LinkedHashMap<>();
          for (int i = 1; i <= meta.getColumnCount(); i++) {
            values.put(meta.getColumnLabel(i).toLowerCase(Locale.ROOT), value(rs, i, meta.getColumnType(i)));
          }
          LocalDateTime ts = rs.getObject(table.timestamp(), LocalDateTime.class);
          Object key = rs.getObject(table.key());
          rows.add(new KeysetPager.Row(new Watermark(ts, key instanceof BigDecimal d ? d.toPlainString() : key), values));
        }
        return rows;
      }
    }
  }

  /** Column values as the architecture's raw-event contract spells them: ISO dates, local timestamps. */
  static Object value(ResultSet rs, int i, int sqlType) throws SQLException {
    switch (sqlType) {
      case Types.TIMESTAMP:
        LocalDateTime ts = rs.getObject(i, LocalDateTime.class);
        return ts == null ? null : ts.format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
      case Types.TIMESTAMP_WITH_TIMEZONE:
        OffsetDateTime odt = rs.getObject(i, OffsetDateTime.class);
        return odt == null ? null : odt.toString();
      case Types.DATE:
        LocalDate date = rs.getObject(i, LocalDate.class);
        return date == null ? null : date.toString();
      case Types.TIME:
        LocalTime time = rs.getObject(i, LocalTime.class);
        return time == null ? null : time.toString();
      case Types.DECIMAL:
      case Types.NUMERIC:
        BigDecimal decimal = rs.getBigDecimal(i);
        return decimal == null ? null : decimal.toPlainString();
      case Types.BINARY:
      case Types.VARBINARY:
      case Types.LONGVARBINARY:
      case Types.BLOB:
        byte[] bytes = rs.getBytes(i);
        return bytes == null ? null : java.util.Base64.getEncoder().encodeToString(bytes);
      default:
        Object value = rs.getObject(i);
        if (value instanceof java.sql.Array || value instanceof java.sql.Clob || value instanceof java.sql.Struct) {
          return rs.getString(i);
        }
        return value;
    }
  }

  private Connection connection() throws SQLException {
    if (connection == null || connection.isClosed()) {
      HubProperties.Sources servers = context.properties().sources();
      if ("postgres".equals(options.server())) {
        connection = DriverManager.getConnection(servers.postgres().jdbcUrl(options.database()), servers.postgres().user(), servers.postgres().password());
      } else {
        connection = DriverManager.getConnection(servers.mariadb().jdbcUrl(options.database()), servers.mariadb().user(), servers.mariadb().password());
      }
      connection.setReadOnly(true);
    }
    return connection;
  }

  /** Unknown tables or columns (SQL state class 42) are configuration; anything else may pass. */
  private IngestException classify(SQLException e) {
    String sqlState = e.getSQLState() == null ? "" : e.getSQLState();
    if (sqlState.startsWith("42") || sqlState.equals("3D000") || e.getErrorCode() == 1049) {
      return IngestException.permanent(source, "poll",
          options.server() + " database " + options.database() + " refused the poll query (" + e.getMessage()
              + "); check the table and column names in connectors/" + source + ".yaml");
    }
    return IngestException.retriable(source, "poll", options.server() + " database " + options.database() + ": " + e.getMessage(), e);
  }

  private void closeConnection() {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException ignored) {
        // it is broken already
      }
      connection = null;
    }
  }

  @Override
  public synchronized void stop() {
    super.stop();
    closeConnection();
  }
}
