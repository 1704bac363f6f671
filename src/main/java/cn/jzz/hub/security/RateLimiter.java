package cn.jzz.hub.security;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A fixed window per client: at most {@code perMinute} calls in each clock minute. */
public final class RateLimiter {

  private record Window(long minute, int count) {}

  private final int perMinute;
  private final Clock clock;
  private final Map<String, Window> windows = new ConcurrentHashMap<>();

  public RateLimiter(int perMinute, Clock clock) {
    this.perMinute = perMinute;
    this.clock = clock;
  }

  public boolean tryAcquire(String client) {
    long minute = clock.millis() / 60_000;
    if (windows.size() > 10_000) {
      windows.values().removeIf(w -> w.minute() < minute);
    }
    Window w = windows.merge(client, new Window(minute, 1), (old, one) -> old.minute() == minute ? new Window(minute, old.count() + 1) : one);
    return w.count() <= perMinute;
  }
}
