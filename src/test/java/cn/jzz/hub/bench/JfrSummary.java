package cn.jzz.hub.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * The top frames of a JFR recording's execution samples: where the CPU time went, by the method on top
 * of the stack (self) and by methods anywhere on it (inclusive, each counted once per sample, JDK
 * frames left out so that the hub's and its libraries' own work shows).
 */
public final class JfrSummary {

  private JfrSummary() {}

  public static Map<String, Object> summarise(Path recording, int top) throws IOException {
    Map<String, Integer> self = new HashMap<>();
    Map<String, Integer> inclusive = new HashMap<>();
    Map<String, Integer> threads = new HashMap<>();
    int samples = 0;
    for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
      if (!event.getEventType().getName().equals("jdk.ExecutionSample")) {
        continue;
      }
      RecordedStackTrace stack = event.getStackTrace();
      if (stack == null || stack.getFrames().isEmpty()) {
        continue;
      }
      samples++;
      List<RecordedFrame> frames = stack.getFrames();
      self.merge(name(frames.get(0)), 1, Integer::sum);
      Set<String> seen = new HashSet<>();
      for (RecordedFrame f : frames) {
        String n = name(f);
        if (!n.startsWith("java.") && !n.startsWith("jdk.") && !n.startsWith("sun.") && seen.add(n)) {
          inclusive.merge(n, 1, Integer::sum);
        }
      }
      String thread = event.getThread("sampledThread") == null ? null : event.getThread("sampledThread").getJavaName();
      // thread names differ by numbers only between pool members: group them
      threads.merge(thread == null ? "?" : thread.replaceAll("\\d+", "N"), 1, Integer::sum);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("samples", samples);
    out.put("top_self", top(self, samples, top));
    out.put("top_inclusive", top(inclusive, samples, top));
    out.put("threads", top(threads, samples, 8));
    return out;
  }

  private static String name(RecordedFrame f) {
    return f.getMethod().getType().getName() + "." + f.getMethod().getName();
  }

  private static List<Map<String, Object>> top(Map<String, Integer> counts, int samples, int n) {
    return counts.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
        .limit(n)
        .map(e -> {
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("frame", e.getKey());
          m.put("pct", Stats.round(100.0 * e.getValue() / Math.max(1, samples)));
          return m;
        })
        .toList();
  }
}
