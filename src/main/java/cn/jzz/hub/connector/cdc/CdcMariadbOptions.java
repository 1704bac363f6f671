package cn.jzz.hub.connector.cdc;

import cn.jzz.hub.connector.ConnectorCatalog;
import cn.jzz.hub.support.ConfigProblems.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/**
 * Options of {@code type: cdc-mariadb}.
 *
 * @param database the departmental database on the configured MariaDB server ({@code database.include.list})
 * @param tables captured tables ({@code table.include.list} as {@code <database>.<table>})
 * @param serverId the replication client id this connector uses ({@code database.server.id}); every
 *     reader of one MariaDB server needs its own, different from the server's own {@code server_id}.
 *     Default: derived from the source id in 100000–999999
 * @param pollIntervalMs how often the engine hands over changes; lower means fresher
 */
public record CdcMariadbOptions(String database, List<String> tables, Long serverId, Integer pollIntervalMs)
    implements ConnectorCatalog.Validated {

  @Override
  public List<Problem> validate() {
    List<Problem> problems = new ArrayList<>();
    if (database == null || database.isBlank()) {
      problems.add(new Problem("database", "required: the departmental database name, e.g. dept_mzj"));
    }
    if (tables == null || tables.isEmpty()) {
      problems.add(new Problem("tables", "required: list the tables to capture, e.g. [sa_family, sa_member]"));
    }
    if (serverId != null && (serverId < 2 || serverId > 4294967295L)) {
      problems.add(new Problem("server-id", "must be 2…4294967295 and differ from the MariaDB server's own server_id"));
    }
    return problems;
  }

  /** A stable default that differs between sources, so two MariaDB sources never share a replication id. */
  static long defaultServerId(String source) {
    CRC32 crc = new CRC32();
    crc.update(source.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    return 100_000 + crc.getValue() % 900_000;
  }
}
