package cn.jzz.hub.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jzz.hub.connector.RawEvent;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The reconciliation's table reader against the machine's MariaDB: it once asked Connector/J 3 for
 * MySQL's streaming fetch size, was refused ("invalid fetch size"), and so read no MariaDB source.
 */
class JdbcRowsIT {

  private static final String DATABASE = "it_reconcile_rows";

  @Test
  void aMariadbTableIsReadWholeWithItsPrimaryKey() throws Exception {
    try (Connection admin = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:3306/", "root", ""); Statement s = admin.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + DATABASE);
      s.execute("CREATE DATABASE " + DATABASE + " CHARACTER SET utf8mb4");
      s.execute("CREATE TABLE " + DATABASE + ".ac01 (aac001 BIGINT PRIMARY KEY, aac003 VARCHAR(40), aae036 DATE)");
      s.execute("INSERT INTO " + DATABASE + ".ac01 VALUES (1, '张三', '2026-11-20'), (2, '李四', NULL), (3, '王五', '2026-11-21')");
    }
    List<RawEvent> events = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:3306/" + DATABASE, "root", "")) {
      long rows = JdbcRows.readTable(c, null, "ac01", List.of(), "rsj", Instant.parse("2026-11-26T02:00:00Z"), events::add);
      assertThat(rows).isEqualTo(3);
    } finally {
      try (Connection admin = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:3306/", "root", ""); Statement s = admin.createStatement()) {
        s.execute("DROP DATABASE IF EXISTS " + DATABASE);
      }
    }
    assertThat(events).extracting(RawEvent::recordKey).hasSize(3).doesNotHaveDuplicates();
    assertThat(events).extracting(e -> e.after().get("aac003")).containsExactlyInAnyOrder("张三", "李四", "王五");
    assertThat(events).filteredOn(e -> "张三".equals(e.after().get("aac003"))).allSatisfy(e -> assertThat(e.after()).containsEntry("aae036", "2026-11-20"));
  }
}
