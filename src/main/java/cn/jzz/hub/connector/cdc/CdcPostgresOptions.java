package cn.jzz.hub.connector.cdc;

import cn.jzz.hub.connector.ConnectorCatalog;
import cn.jzz.hub.support.ConfigProblems.Problem;
import java.util.ArrayList;
import java.util.List;

/**
 * Options of {@code type: cdc-postgres}.
 *
 * @param database the departmental database on the configured PostgreSQL server
 * @param schema the schema holding the tables (default {@code public})
 * @param tables captured tables, lower case as PostgreSQL stores unquoted names
 * @param slot replication slot (default {@code hub_<source>}); one reader at a time
 * @param publication pgoutput publication (default {@code hub_<source>}), created for these tables
 * @param pollIntervalMs how often the engine hands over changes; lower means fresher
 */
public record CdcPostgresOptions(
    String database, String schema, List<String> tables, String slot, String publication, Integer pollIntervalMs)
    implements ConnectorCatalog.Validated {

  @Override
  public List<Problem> validate() {
    List<Problem> problems = new ArrayList<>();
    if (database == null || database.isBlank()) {
      problems.add(new Problem("database", "required: the departmental database name, e.g. dept_gaj"));
    }
    if (tables == null || tables.isEmpty()) {
      problems.add(new Problem("tables", "required: list the tables to capture, e.g. [rk_jbxx]"));
    } else {
      for (int i = 0; i < tables.size(); i++) {
        String table = tables.get(i);
        if (!table.equals(table.toLowerCase(java.util.Locale.ROOT))) {
          problems.add(new Problem("tables[" + i + "]", "'" + table + "' must be lower case: PostgreSQL stores unquoted names so"));
        }
      }
    }
    return problems;
  }

  String schemaOrDefault() {
    return schema == null ? "public" : schema;
  }
}
