package cn.jzz.hub.sim;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An in-memory JDBC connection that records what a department writer sends: the DDL and every
 * inserted row as column → value, per table. Lets unit tests read a department's rows without a server.
 */
final class RecordingJdbc {

  private static final Pattern INSERT = Pattern.compile("INSERT INTO (\\w+) \\(([^)]*)\\)", Pattern.CASE_INSENSITIVE);

  final List<String> ddl = new ArrayList<>();
  final Map<String, List<Map<String, Object>>> tables = new TreeMap<>();
  boolean committed;

  Connection connection() {
    return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
      switch (method.getName()) {
        case "prepareStatement":
          return statement((String) args[0]);
        case "createStatement":
          return ddlStatement();
        case "commit":
          committed = true;
          return null;
        case "getAutoCommit":
        case "isClosed":
          return false;
        default:
          return defaultValue(method.getReturnType());
      }
    });
  }

  List<Map<String, Object>> rows(String table) {
    return tables.getOrDefault(table.toLowerCase(Locale.ROOT), List.of());
  }

  private Statement ddlStatement() {
    return (Statement) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Statement.class}, (proxy, method, args) -> {
      if (method.getName().equals("execute")) {
        ddl.add((String) args[0]);
        return false;
      }
      return defaultValue(method.getReturnType());
    });
  }

  private PreparedStatement statement(String sql) {
    Matcher m = INSERT.matcher(sql);
    if (!m.find()) {
      throw new IllegalArgumentException("the recording connection only understands INSERT: " + sql);
    }
    String table = m.group(1).toLowerCase(Locale.ROOT);
    String[] columns = m.group(2).toLowerCase(Locale.ROOT).split(",");
    List<Map<String, Object>> rows = tables.computeIfAbsent(table, t -> new ArrayList<>());
    Object[] current = new Object[columns.length];
    return (PreparedStatement) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {PreparedStatement.class}, (proxy, method, args) -> {
      switch (method.getName()) {
        case "setObject":
        case "setString":
        case "setLong":
          current[(Integer) args[0] - 1] = args[1];
          return null;
        case "addBatch":
          Map<String, Object> row = new LinkedHashMap<>();
          for (int i = 0; i < columns.length; i++) {
            row.put(columns[i].trim(), current[i]);
            current[i] = null;
          }
          rows.add(row);
          return null;
        case "executeBatch":
          return new int[0];
        default:
          return defaultValue(method.getReturnType());
      }
    });
  }

  private static Object defaultValue(Class<?> type) {
    if (type == boolean.class) {
      return false;
    }
    if (type == int.class) {
      return 0;
    }
    if (type == long.class) {
      return 0L;
    }
    return null;
  }
}
