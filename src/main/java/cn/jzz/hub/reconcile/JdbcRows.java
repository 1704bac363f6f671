package cn.jzz.hub.reconcile;

import cn.jzz.hub.connector.RawEvent;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.Consumer;

/**
 * Reads whole tables over JDBC as snapshot raw events, with column values in the form the CDC and
 * poll connectors give them: column names in lower case, dates as ISO {@code yyyy-MM-dd}, timestamps
 * without zone as local ISO date-times, decimals as plain text, the key as the primary-key values
 * joined by {@code |}.
 */
final class JdbcRows {

  private static final int FETCH_SIZE = 2000;

  private JdbcRows() {}

  /**
   * @param keyColumns the key columns, or empty to take the table's primary key
   * @param sourceTime the instant stamped on every event: the time of the read
   */
  static long readTable(Connection c, String schema, String table, List<String> keyColumns, String source, Instant sourceTime, Consumer<RawEvent> sink)
      throws SQLException {
    List<String> key = keyColumns.isEmpty() ? primaryKey(c, schema, table) : keyColumns;
    if (key.isEmpty()) {
      throw new SQLException("table " + table + " has no primary key; the source's rows cannot be keyed as its connector keys them");
    }
    String qualified = (schema == null ? "" : schema + ".") + table;
    boolean autoCommit = c.getAutoCommit();
    // PostgreSQL streams with a fetch size only inside a transaction; otherwise it buffers every row.
    c.setAutoCommit(false);
    long rows = 0;
    try (PreparedStatement select = c.prepareStatement("SELECT * FROM " + qualified, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
      // MariaDB Connector/J 3 streams with any positive fetch size and refuses MySQL's Integer.MIN_VALUE
      // idiom ("invalid fetch size"), which once left every MariaDB source out of a reconciliation.
      select.setFetchSize(FETCH_SIZE);
      try (ResultSet rs = select.executeQuery()) {
        ResultSetMetaData meta = rs.getMetaData();
        String entity = table.toLowerCase(Locale.ROOT);
        while (rs.next()) {
          Map<String, Object> row = new LinkedHashMap<>();
          for (int i = 1; i <= meta.getColumnCount(); i++) {
            row.put(meta.getColumnLabel(i).toLowerCase(Locale.ROOT), plain(rs.getObject(i)));
          }
          StringJoiner joined = new StringJoiner("|");
          for (String k : key) {
            joined.add(String.valueOf(row.get(k.toLowerCase(Locale.ROOT))));
          }
          sink.accept(new RawEvent(source, entity, "r", joined.toString(), row, null, sourceTime, "reconcile"));
          rows++;
        }
      }
      c.commit();
    } finally {
      c.setAutoCommit(autoCommit);
    }
    return rows;
  }

  static List<String> primaryKey(Connection c, String schema, String table) throws SQLException {
    DatabaseMetaData meta = c.getMetaData();
    List<String> key = new ArrayList<>();
    // PostgreSQL stores unquoted names in lower case, MariaDB as written: try both.
    for (String name : new String[] {table, table.toLowerCase(Locale.ROOT), table.toUpperCase(Locale.ROOT)}) {
      Map<Short, String> bySeq = new java.util.TreeMap<>();
      try (ResultSet rs = meta.getPrimaryKeys(c.getCatalog(), schema, name)) {
        while (rs.next()) {
          bySeq.put(rs.getShort("KEY_SEQ"), rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
        }
      }
      if (!bySeq.isEmpty()) {
        key.addAll(bySeq.values());
        return key;
      }
    }
    return key;
  }

  /** A JDBC value as the connectors put it in a raw event. */
  static Object plain(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof java.sql.Date d) {
      return d.toLocalDate().toString();
    }
    if (value instanceof java.time.LocalDate d) {
      return d.toString();
    }
    if (value instanceof Timestamp t) {
      return t.toLocalDateTime().toString();
    }
    if (value instanceof java.time.LocalDateTime t) {
      return t.toString();
    }
    if (value instanceof java.sql.Time t) {
      return t.toLocalTime().toString();
    }
    if (value instanceof BigDecimal d) {
      return d.toPlainString();
    }
    if (value instanceof byte[] bytes) {
      return Base64.getEncoder().encodeToString(bytes);
    }
    if (value instanceof Short s) {
      return s.intValue();
    }
    return value;
  }
}
