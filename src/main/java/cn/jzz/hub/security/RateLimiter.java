package cn.jzz.hub.security;

import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Per-key rate limits on Resilience4j's rate limiter: at most {@code perPeriod} permits for each key
 * (a client address, an account, a user) in each period, refilled every period, so a limited key
 * waits at most one period — the real owner of an account under a guessing attack is never locked
 * out for long. The keys are bounded: the least recently used are forgotten first.
 */
public final class RateLimiter {

  static final int MAX_KEYS = 10_000;

  private final RateLimiterConfig config;
  private final Duration period;
  private final Map<String, io.github.resilience4j.ratelimiter.RateLimiter> limiters =
      new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, io.github.resilience4j.ratelimiter.RateLimiter> eldest) {
          return size() > MAX_KEYS;
        }
      };

  public RateLimiter(int perPeriod, Duration period) {
    this.period = period;
    this.config = RateLimiterConfig.custom().limitForPeriod(perPeriod).limitRefreshPeriod(period).timeoutDuration(Duration.ZERO).build();
  }

  /** Takes a permit for {@code key}; false when its permits for this period are used up. */
  public boolean tryAcquire(String key) {
    return limiter(key).acquirePermission();
  }

  /** Whether {@code key} has a permit left, without taking one. */
  public boolean hasPermit(String key) {
    return limiter(key).getMetrics().getAvailablePermissions() > 0;
  }

  /** How long a limited caller waits at most, for Retry-After. */
  public long retryAfterSeconds() {
    return Math.max(1, period.toSeconds());
  }

  private synchronized io.github.resilience4j.ratelimiter.RateLimiter limiter(String key) {
    return limiters.computeIfAbsent(key, k -> io.github.resilience4j.ratelimiter.RateLimiter.of(k, config));
  }
}
