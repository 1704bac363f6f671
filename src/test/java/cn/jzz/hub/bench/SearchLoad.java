package cn.jzz.hub.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Console-style searches against the hub's API while it ingests: a community filter, tag and age
 * filters and facets, from a few analysts that think briefly between queries. Records each answer's
 * latency as the client sees it (hub + Elasticsearch).
 */
public final class SearchLoad implements Runnable {

  private static final String[] TAGS = {"老年人", "儿童", "育龄妇女", "高龄"};

  private final HubProcess hub;
  private final List<String> communities;
  private final long thinkMs;
  private final Random random;
  private final List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
  private volatile boolean stop;
  private volatile String lastError;
  private long errors;

  public SearchLoad(HubProcess hub, List<String> communities, long thinkMs, long seed) {
    this.hub = hub;
    this.communities = communities;
    this.thinkMs = thinkMs;
    this.random = new Random(seed);
  }

  /** One console query: a community, one tag, an age band, two facets, a page of 20. */
  Map<String, Object> query() {
    int minAge = random.nextInt(70);
    return Map.of(
        "filters", List.of(Map.of("field", "community_code", "op", "eq", "value", communities.get(random.nextInt(communities.size())))),
        "tags_any", List.of(TAGS[random.nextInt(TAGS.length)]),
        "age", Map.of("min", minAge, "max", minAge + 10 + random.nextInt(30)),
        "facets", List.of("community_code", "sex"),
        "size", 20);
  }

  @Override
  public void run() {
    while (!stop) {
      try {
        Map<String, Object> q = query();
        long t0 = System.nanoTime();
        Http.Answer answer = hub.post("/api/v1/residents/search", q);
        long t = System.nanoTime() - t0;
        if (answer.status() == 200) {
          latencies.add(t);
        } else {
          errors++;
          lastError = answer.status() + " " + answer.body().substring(0, Math.min(300, answer.body().length()));
        }
        Thread.sleep(thinkMs);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (Exception e) {
        errors++;
        lastError = e.toString();
      }
    }
  }

  public List<Long> latencies() {
    synchronized (latencies) {
      return new ArrayList<>(latencies);
    }
  }

  public long errors() {
    return errors;
  }

  public String lastError() {
    return lastError;
  }

  public void stop() {
    stop = true;
  }
}
