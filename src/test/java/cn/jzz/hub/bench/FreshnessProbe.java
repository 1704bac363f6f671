package cn.jzz.hub.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Polls Elasticsearch (as a reader would see it: no forced refresh) for the markers a {@link
 * ChangeDriver} committed, and records for each the time from commit to the first search that finds it.
 */
public final class FreshnessProbe implements Runnable {

  private static final int MAX_TERMS = 2000;

  private final Http es;
  private final String alias;
  private final Map<String, Long> committed;
  private final Map<String, Long> latencyNanos = new ConcurrentHashMap<>();
  private volatile boolean stop;
  private long polls;

  public FreshnessProbe(Http es, String alias, Map<String, Long> committed) {
    this.es = es;
    this.alias = alias;
    this.committed = committed;
  }

  @Override
  public void run() {
    while (!stop) {
      try {
        List<String> outstanding = new ArrayList<>();
        for (String marker : committed.keySet()) {
          if (!latencyNanos.containsKey(marker)) {
            outstanding.add(marker);
            if (outstanding.size() >= MAX_TERMS) {
              break;
            }
          }
        }
        if (!outstanding.isEmpty()) {
          JsonNode hits = es.json("POST", "/" + alias + "/_search",
                  Map.of("size", outstanding.size(), "_source", List.of("full_name"), "query", Map.of("terms", Map.of("full_name.keyword", outstanding))))
              .ok().json().path("hits").path("hits");
          long now = System.nanoTime();
          for (JsonNode hit : hits) {
            String marker = hit.path("_source").path("full_name").asText();
            Long at = committed.get(marker);
            if (at != null) {
              latencyNanos.putIfAbsent(marker, now - at);
            }
          }
          polls++;
        }
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (Exception e) {
        // Elasticsearch busy: the next poll tries again; the latency grows honestly meanwhile
      }
    }
  }

  public Map<String, Long> latencies() {
    return latencyNanos;
  }

  public long polls() {
    return polls;
  }

  public void stop() {
    stop = true;
  }
}
