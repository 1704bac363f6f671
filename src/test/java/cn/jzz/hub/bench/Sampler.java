package cn.jzz.hub.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.stream.Stream;

/**
 * Samples, once a second, the resident memory of the stack's processes and the hub's heap, keeping the
 * peak of each since the last {@link #reset()}; and snapshots their CPU time for per-phase totals.
 */
public final class Sampler implements Runnable {

  private final Map<String, LongSupplier> pids;
  private final HubProcess hub;
  private final Map<String, Long> peakRss = new LinkedHashMap<>();
  private volatile long peakHeap;
  private volatile long peakStack;
  private volatile boolean stop;

  /** @param pids name → current pid (looked up on every sample: the hub may be restarted) */
  public Sampler(Map<String, LongSupplier> pids, HubProcess hub) {
    this.pids = pids;
    this.hub = hub;
  }

  @Override
  public void run() {
    while (!stop) {
      sample();
      try {
        Thread.sleep(1000);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  synchronized void sample() {
    long stack = 0;
    for (Map.Entry<String, LongSupplier> e : pids.entrySet()) {
      long rss = Proc.rss(e.getValue().getAsLong());
      if (rss > 0) {
        peakRss.merge(e.getKey(), rss, Math::max);
        stack += rss;
      }
    }
    peakStack = Math.max(peakStack, stack);
    if (hub != null && hub.alive()) {
      try {
        Map<String, Double> m = hub.metrics();
        long heap = (long) m.entrySet().stream().filter(x -> x.getKey().startsWith("jvm_memory_used_bytes{") && x.getKey().contains("area=\"heap\"")).mapToDouble(Map.Entry::getValue).sum();
        peakHeap = Math.max(peakHeap, heap);
      } catch (Exception e) {
        // the hub is busy or restarting; the next sample counts
      }
    }
  }

  public synchronized void reset() {
    peakRss.clear();
    peakHeap = 0;
    peakStack = 0;
  }

  public synchronized Map<String, Long> peakRss() {
    return new LinkedHashMap<>(peakRss);
  }

  public long peakHeap() {
    return peakHeap;
  }

  public long peakStack() {
    return peakStack;
  }

  /** CPU seconds so far of each process, and of all PostgreSQL processes together. */
  public Map<String, Double> cpu() {
    Map<String, Double> cpu = new LinkedHashMap<>();
    pids.forEach((name, pid) -> cpu.put(name, Proc.cpuSeconds(pid.getAsLong())));
    cpu.put("postgresql", postgresCpu());
    return cpu;
  }

  static double postgresCpu() {
    double total = 0;
    try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
      for (Path p : procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).toList()) {
        try {
          if (Files.readString(p.resolve("comm")).trim().startsWith("postgres")) {
            total += Math.max(0, Proc.cpuSeconds(Long.parseLong(p.getFileName().toString())));
          }
        } catch (IOException e) {
          // gone meanwhile
        }
      }
    } catch (IOException e) {
      return -1;
    }
    return total;
  }

  /** CPU seconds used between two snapshots, per process. */
  public static Map<String, Object> delta(Map<String, Double> before, Map<String, Double> after) {
    Map<String, Object> d = new LinkedHashMap<>();
    after.forEach((k, v) -> d.put(k, Stats.round(Math.max(0, v) - Math.max(0, before.getOrDefault(k, 0.0)))));
    return d;
  }

  public void stop() {
    stop = true;
  }
}
