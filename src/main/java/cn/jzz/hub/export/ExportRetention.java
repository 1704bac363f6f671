package cn.jzz.hub.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes finished export files and their jobs once the retention has passed, and files in the exports
 * directory nobody knows any more (from before a restart) by their age. An expired job is remembered
 * by id and owner for another retention period, so its owner learns it expired rather than that it
 * never existed.
 */
final class ExportRetention {

  private static final Logger log = LoggerFactory.getLogger(ExportRetention.class);
  /** Bounds the memory of expired ids however many exports are made. */
  static final int MAX_REMEMBERED = 10_000;

  /** A job whose file was deleted, kept to answer its owner. */
  record Expired(String owner, Instant finished, Instant deleted) {}

  private final Path dir;
  private final Duration retention;
  private final Clock clock;
  private final Map<String, Expired> expired = new LinkedHashMap<>();

  ExportRetention(Path dir, Duration retention, Clock clock) {
    this.dir = dir;
    this.retention = retention;
    this.clock = clock;
  }

  Duration retention() {
    return retention;
  }

  /** The expired job {@code id} of {@code owner}, if it is still remembered. */
  synchronized Expired expired(String id, String owner) {
    Expired e = expired.get(id);
    return e != null && e.owner().equals(owner) ? e : null;
  }

  /**
   * Removes the finished jobs past the retention from {@code jobs} with their files, then deletes
   * left-over files older than the retention.
   *
   * @param startup a sweep at start-up also deletes partial files: no export of this instance is
   *     running yet, so a {@code .part} can only be a crashed export's
   */
  void sweep(Map<String, ExportJob> jobs, boolean startup) {
    Instant now = clock.instant();
    Instant limit = now.minus(retention);
    jobs.values().removeIf(job -> {
      if (job.finished == null || job.finished.isAfter(limit)) {
        return false;
      }
      if (job.file != null && !delete(job.file)) {
        return false;
      }
      remember(job.id, new Expired(job.owner, job.finished, now));
      return true;
    });
    forgetOlderThan(limit);
    if (!Files.isDirectory(dir)) {
      return;
    }
    try (Stream<Path> files = Files.list(dir)) {
      files.filter(f -> Files.isRegularFile(f) && (startup && f.getFileName().toString().endsWith(".part") || modifiedBefore(f, limit))).forEach(ExportRetention::delete);
    } catch (IOException e) {
      log.warn("cannot list the exports directory {}: {}", dir, e.getMessage());
    }
  }

  private synchronized void remember(String id, Expired e) {
    expired.put(id, e);
    if (expired.size() > MAX_REMEMBERED) {
      Iterator<String> oldest = expired.keySet().iterator();
      oldest.next();
      oldest.remove();
    }
  }

  private synchronized void forgetOlderThan(Instant limit) {
    expired.values().removeIf(e -> e.deleted().isBefore(limit));
  }

  private static boolean modifiedBefore(Path f, Instant limit) {
    try {
      return Files.getLastModifiedTime(f).toInstant().isBefore(limit);
    } catch (IOException e) {
      return false;
    }
  }

  private static boolean delete(Path f) {
    try {
      Files.deleteIfExists(f);
      return true;
    } catch (IOException e) {
      log.warn("cannot delete the expired export file {}: {}", f.getFileName(), e.getMessage());
      return false;
    }
  }
}
