package cn.jzz.hub.sim;

import java.util.List;
import java.util.Random;

/** Small helpers over a seeded {@link Random}: every draw of the world goes through one of these. */
final class Draw {

  private Draw() {}

  static boolean chance(Random r, double p) {
    return r.nextDouble() < p;
  }

  /** A uniform int in {@code [lo, hi]} (both inclusive). */
  static int between(Random r, int lo, int hi) {
    return hi <= lo ? lo : lo + r.nextInt(hi - lo + 1);
  }

  static <T> T pick(Random r, T[] values) {
    return values[r.nextInt(values.length)];
  }

  static <T> T pick(Random r, List<T> values) {
    return values.get(r.nextInt(values.size()));
  }

  /** Picks {@code values[i]} with probability {@code weights[i] / sum(weights)}. */
  static <T> T weighted(Random r, T[] values, int[] weights) {
    int total = 0;
    for (int w : weights) {
      total += w;
    }
    int roll = r.nextInt(total);
    for (int i = 0; i < values.length; i++) {
      roll -= weights[i];
      if (roll < 0) {
        return values[i];
      }
    }
    return values[values.length - 1];
  }

  /** A random source for one (person, purpose) pair, independent of the order anything is drawn in. */
  static Random stream(long seed, long key, long salt) {
    long z = seed * 0x9E3779B97F4A7C15L + key * 0xC2B2AE3D27D4EB4FL + salt * 0x165667B19E3779F9L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return new Random(z ^ (z >>> 31));
  }

  /** {@code value} left-padded with zeros to {@code width} digits (String.format is slow in hot loops). */
  static String pad(long value, int width) {
    String s = Long.toString(value);
    if (s.length() >= width) {
      return s;
    }
    StringBuilder b = new StringBuilder(width);
    for (int i = s.length(); i < width; i++) {
      b.append('0');
    }
    return b.append(s).toString();
  }

  static String mobile(Random r) {
    return pick(r, PREFIXES) + pad(r.nextInt(100_000_000), 8);
  }

  private static final String[] PREFIXES = {"130", "131", "132", "135", "136", "137", "138", "139", "150", "151", "152", "155", "158", "159", "177", "180", "181", "186", "187", "188", "189", "199"};
}
