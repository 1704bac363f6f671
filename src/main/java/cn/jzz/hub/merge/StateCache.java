package cn.jzz.hub.merge;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The most recently used states of a processor, parsed, so that a person's contributions and the
 * emission that follows them do not read and parse the same stored value again and again. The store
 * stays the truth: every put to the store goes through here too, and the cache is emptied whenever
 * the processor is (re)initialised, which Kafka Streams does after restoring or reviving a task.
 */
final class StateCache<V> {

  private final Map<String, V> entries;

  StateCache(int capacity) {
    this.entries = new LinkedHashMap<>(capacity * 4 / 3 + 1, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
        return size() > capacity;
      }
    };
  }

  V get(String key) {
    return entries.get(key);
  }

  void put(String key, V value) {
    entries.put(key, value);
  }

  void clear() {
    entries.clear();
  }
}
