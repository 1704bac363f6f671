package cn.jzz.hub.support;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
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
    AssertionError failure = new AssertionError("gave up waiting for " + what + "; last seen: " + last + "\n" + busyProjectThreads());
    if (lastError != null) {
      failure.initCause(lastError);
    }
    throw failure;
  }

  /**
   * Where the project's own threads stand when a wait gives up: an intermittent failure is then
   * diagnosed from the CI log alone (the stuck poll, the blocked publish), not by guessing.
   */
  static String busyProjectThreads() {
    StringBuilder out = new StringBuilder("threads in project code at give-up:");
    for (ThreadInfo thread : ManagementFactory.getThreadMXBean().dumpAllThreads(false, false)) {
      StackTraceElement[] stack = thread.getStackTrace();
      boolean ours = false;
      for (StackTraceElement frame : stack) {
        if (frame.getClassName().startsWith("cn.jzz.hub.") && !frame.getClassName().startsWith("cn.jzz.hub.support.Await")) {
          ours = true;
          break;
        }
      }
      if (!ours) {
        continue;
      }
      out.append("\n  \"").append(thread.getThreadName()).append("\" ").append(thread.getThreadState());
      for (int i = 0; i < Math.min(stack.length, 14); i++) {
        out.append("\n      at ").append(stack[i]);
      }
    }
    return out.toString();
  }
}
