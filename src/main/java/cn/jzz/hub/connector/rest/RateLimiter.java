package cn.jzz.hub.connector.rest;

/**
 * Spaces requests evenly so the hub stays under an API's per-second quota, whatever the page sizes:
 * each caller waits for the next free slot, 1/N seconds after the previous one.
 */
final class RateLimiter {

  private final long intervalNanos;
  private long nextFree = System.nanoTime();

  RateLimiter(double perSecond) {
    this.intervalNanos = (long) (1_000_000_000L / perSecond);
  }

  void acquire() throws InterruptedException {
    long wait;
    synchronized (this) {
      long now = System.nanoTime();
      long slot = Math.max(now, nextFree);
      nextFree = slot + intervalNanos;
      wait = slot - now;
    }
    if (wait > 0) {
      java.util.concurrent.TimeUnit.NANOSECONDS.sleep(wait);
    }
  }
}
