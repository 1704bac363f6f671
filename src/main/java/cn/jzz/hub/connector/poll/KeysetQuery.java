package cn.jzz.hub.connector.poll;

/**
 * The keyset page query of one polled table. {@code (ts > ? OR (ts = ? AND key > ?))} is the same
 * order as the row comparison {@code (ts, key) > (?, ?)}, spelt out because MariaDB does not use an
 * index for row comparisons; identifiers were validated as plain names, so they are safe to inline.
 */
record KeysetQuery(String table, String timestamp, String key, int limit) {

  String first() {
    return "SELECT * FROM " + table + " WHERE " + timestamp + " IS NOT NULL ORDER BY " + timestamp + ", " + key + " LIMIT " + limit;
  }

  /** Parameters: ts, ts, key. */
  String after() {
    return "SELECT * FROM " + table + " WHERE " + timestamp + " > ? OR (" + timestamp + " = ? AND " + key + " > ?) ORDER BY "
        + timestamp + ", " + key + " LIMIT " + limit;
  }
}
