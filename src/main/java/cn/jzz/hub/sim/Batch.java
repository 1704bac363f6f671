package cn.jzz.hub.sim;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** A batched INSERT: rows are sent 1000 at a time (the drivers rewrite them into multi-row inserts). */
final class Batch implements AutoCloseable {

  private static final int SIZE = 1000;

  private final PreparedStatement statement;
  private final Progress progress;
  private int pending;
  private int count;

  Batch(Connection c, String sql, Progress progress) throws SQLException {
    this.statement = c.prepareStatement(sql);
    this.progress = progress;
  }

  void add(Object... values) throws SQLException {
    for (int i = 0; i < values.length; i++) {
      statement.setObject(i + 1, values[i]);
    }
    statement.addBatch();
    count++;
    progress.row();
    if (++pending == SIZE) {
      statement.executeBatch();
      pending = 0;
    }
  }

  int count() {
    return count;
  }

  @Override
  public void close() throws SQLException {
    try {
      if (pending > 0) {
        statement.executeBatch();
      }
    } finally {
      statement.close();
    }
  }
}
