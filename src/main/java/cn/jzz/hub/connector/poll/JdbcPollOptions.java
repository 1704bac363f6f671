package cn.jzz.hub.connector.poll;

import cn.jzz.hub.connector.ConnectorCatalog;
import cn.jzz.hub.support.ConfigProblems.Problem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Options of {@code type: jdbc-poll}.
 *
 * @param server {@code postgres} or {@code mariadb}: which configured server holds the database
 * @param database the departmental database
 * @param tables the tables or views to poll, each with its change-timestamp and key column
 * @param pageSize rows per keyset page (default 500)
 * @param intervalMs pause between polls (default 2000)
 */
public record JdbcPollOptions(String server, String database, List<Table> tables, Integer pageSize, Integer intervalMs)
    implements ConnectorCatalog.Validated {

  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");
  static final Set<String> SERVERS = Set.of("postgres", "mariadb");

  /**
   * One polled table or view.
   *
   * @param name the table or view; also the raw events' entity (lower case)
   * @param timestamp the column a writer sets on every change ({@code updt_time}); rows whose value
   *     is NULL are not seen
   * @param key the primary-key column, which breaks ties between rows of one timestamp
   */
  public record Table(String name, String timestamp, String key) {}

  public int pageSizeOrDefault() {
    return pageSize == null ? 500 : pageSize;
  }

  public int intervalMsOrDefault() {
    return intervalMs == null ? 2000 : intervalMs;
  }

  @Override
  public List<Problem> validate() {
    List<Problem> problems = new ArrayList<>();
    if (server == null || !SERVERS.contains(server)) {
      problems.add(new Problem("server", "must be one of " + new java.util.TreeSet<>(SERVERS) + ", got '" + server + "'"));
    }
    if (database == null || !IDENTIFIER.matcher(database).matches()) {
      problems.add(new Problem("database", "required: the departmental database name, e.g. dept_ybj (letters, digits, _)"));
    }
    if (tables == null || tables.isEmpty()) {
      problems.add(new Problem("tables", "required: list the tables, e.g. [{name: v_yb_cbxx, timestamp: updt_time, key: psn_no}]"));
    } else {
      Set<String> seen = new HashSet<>();
      for (int i = 0; i < tables.size(); i++) {
        Table t = tables.get(i);
        String at = "tables[" + i + "]";
        if (t == null) {
          problems.add(new Problem(at, "empty entry"));
          continue;
        }
        checkIdentifier(problems, at + ".name", t.name(), "the table or view name");
        checkIdentifier(problems, at + ".timestamp", t.timestamp(), "the column set on every change, e.g. update_time");
        checkIdentifier(problems, at + ".key", t.key(), "the primary-key column, e.g. id");
        if (t.name() != null && !seen.add(t.name().toLowerCase(java.util.Locale.ROOT))) {
          problems.add(new Problem(at + ".name", "'" + t.name() + "' is listed twice"));
        }
      }
    }
    if (pageSize != null && (pageSize < 1 || pageSize > 10_000)) {
      problems.add(new Problem("page-size", "must be 1…10000"));
    }
    if (intervalMs != null && intervalMs < 100) {
      problems.add(new Problem("interval-ms", "must be at least 100"));
    }
    return problems;
  }

  private static void checkIdentifier(List<Problem> problems, String at, String value, String what) {
    if (value == null || value.isBlank()) {
      problems.add(new Problem(at, "required: " + what));
    } else if (!IDENTIFIER.matcher(value).matches()) {
      problems.add(new Problem(at, "'" + value + "' is not a plain SQL identifier (letters, digits, _); it is put into SQL as is"));
    }
  }
}
