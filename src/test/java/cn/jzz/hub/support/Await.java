package cn.jzz.hub.support;

import java.time.Duration;
import java.util.concurrent.Callable;

/** Waits for an eventually consistent pipeline; fails with what was last seen, never asserts on time. */
public final class Await {

  private Await() {}

  public static <T> T until(String what, Duration atMost, Callable<T> probe, java.util.function.Predicate<T> done) throws Exception {
    long deadline = System.nanoTime() + atMost.toNanos();
    T last = null;
    Exception lastError = null;
    while (System.nanoTime() < deadline) {
      try {
        last = probe.call();
        if (done.test(last)) {
          return last;
        }
        lastError = null;
      } catch (Exception e) {
        lastError = e;
      }
      Thread.sleep(250);
    }
    AssertionError failure = new AssertionError("gave up waiting for " + what + "; last seen: " + last);
    if (lastError != null) {
      failure.initCause(lastError);
    }
    throw failure;
  }
}
