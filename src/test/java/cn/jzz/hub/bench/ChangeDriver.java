package cn.jzz.hub.bench;

import cn.jzz.hub.sim.SimPerson;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Continuous change in the departmental system at a fixed rate: every tick renames the next persons
 * of a shuffled list to a unique marker ({@code 压测0000123}) and commits; the commit instant of every
 * marker is kept, so the time until it is searchable can be measured. A person is renamed at most once
 * per run, so every marker must eventually become searchable.
 */
public final class ChangeDriver implements Runnable {

  private static final long TICK_MS = 20;

  private final BenchWorld world;
  private final int perSecond;
  private final long durationMs;
  private final List<SimPerson> targets;
  private final String prefix;
  /** marker → System.nanoTime() right after its commit */
  private final Map<String, Long> committed = new ConcurrentHashMap<>();
  private volatile boolean done;
  private volatile Exception failure;
  private long changes;

  public ChangeDriver(BenchWorld world, List<SimPerson> registeredAccepted, int perSecond, long durationMs, String prefix, long seed) {
    this.world = world;
    this.perSecond = perSecond;
    this.durationMs = durationMs;
    this.prefix = prefix;
    this.targets = new ArrayList<>(registeredAccepted);
    Collections.shuffle(targets, new Random(seed));
  }

  @Override
  public void run() {
    long start = System.nanoTime();
    int next = 0;
    try (Connection c = world.gajConnection(); PreparedStatement update = c.prepareStatement("UPDATE rk_jbxx SET xm = ?, gxsj = localtimestamp WHERE ryid = ?")) {
      c.setAutoCommit(false);
      while (true) {
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;
        if (elapsedMs >= durationMs) {
          break;
        }
        long due = elapsedMs * perSecond / 1000;
        List<String> markers = new ArrayList<>();
        while (changes < due && next < targets.size()) {
          String marker = prefix + String.format("%07d", changes);
          update.setString(1, marker);
          update.setLong(2, BenchWorld.ryid(targets.get(next++)));
          update.addBatch();
          markers.add(marker);
          changes++;
        }
        if (!markers.isEmpty()) {
          update.executeBatch();
          c.commit();
          long now = System.nanoTime();
          markers.forEach(m -> committed.put(m, now));
        }
        Thread.sleep(TICK_MS);
      }
    } catch (SQLException e) {
      failure = e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      done = true;
    }
  }

  public Map<String, Long> committed() {
    return committed;
  }

  public boolean done() {
    return done;
  }

  public long changes() {
    return changes;
  }

  public Exception failure() {
    return failure;
  }
}
