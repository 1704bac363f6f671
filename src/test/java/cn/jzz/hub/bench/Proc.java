package cn.jzz.hub.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** What Linux tells about a process: resident memory and CPU time, from /proc. */
public final class Proc {

  /** USER_HZ on every Linux this runs on. */
  private static final double TICKS_PER_SECOND = 100.0;

  private Proc() {}

  /** Resident set size in bytes, or -1 when the process is gone. */
  public static long rss(long pid) {
    return statusKb(pid, "VmRSS:") * 1024;
  }

  /** Peak resident set size in bytes, or -1. */
  public static long peakRss(long pid) {
    return statusKb(pid, "VmHWM:") * 1024;
  }

  /** User + system CPU seconds used so far, or -1. */
  public static double cpuSeconds(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
      // fields after the command name, which is in parentheses and may contain spaces
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / TICKS_PER_SECOND;
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  public static boolean alive(long pid) {
    return Files.exists(Path.of("/proc/" + pid));
  }

  /** The pid written in a pid file, or -1. */
  public static long pidFrom(Path pidFile) {
    try {
      return Long.parseLong(Files.readString(pidFile).trim().split("\\s+")[0]);
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /** Pids of the processes listening on a TCP port (as {@code ss -ltnp} shows them). */
  public static List<Long> listeners(int port) {
    try {
      Process ss = new ProcessBuilder("ss", "-Hltnp", "sport = :" + port).redirectErrorStream(true).start();
      String out = new String(ss.getInputStream().readAllBytes());
      ss.waitFor();
      return java.util.regex.Pattern.compile("pid=(\\d+)").matcher(out).results().map(m -> Long.parseLong(m.group(1))).distinct().toList();
    } catch (IOException e) {
      return List.of();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return List.of();
    }
  }

  private static long statusKb(long pid, String key) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
        if (line.startsWith(key)) {
          return Long.parseLong(line.substring(key.length()).trim().split("\\s+")[0]);
        }
      }
    } catch (IOException | RuntimeException e) {
      return -1;
    }
    return -1;
  }
}
