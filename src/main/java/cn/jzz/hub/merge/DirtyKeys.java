package cn.jzz.hub.merge;

import java.util.ArrayList;
import java.util.List;
import java.util.NavigableSet;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keys changed since the last emission, kept in a state store so that, under exactly-once, "changed
 * but not yet emitted" survives a crash together with the change itself.
 *
 * <p>The store is read once, when the processor is (re)initialised; from then on the same keys are
 * also held in memory and each emission drains that copy. Scanning the store on every emission looked
 * harmless at 100 000 residents, but every drained key leaves a RocksDB tombstone, and {@code all()}
 * must step over all of them until a compaction runs: at a million residents the stream thread spent
 * most of its time in {@code seekToFirst}. Kafka Streams initialises the processor again after it
 * restored or revived a task, so the copy never outlives an aborted transaction.
 */
final class DirtyKeys {

  private final KeyValueStore<String, String> store;
  // sorted like the store's own iteration, so emission order is what it was when the store was scanned
  private final NavigableSet<String> keys = new TreeSet<>();

  DirtyKeys(KeyValueStore<String, String> store) {
    this.store = store;
    try (KeyValueIterator<String, String> it = store.all()) {
      while (it.hasNext()) {
        keys.add(it.next().key);
      }
    }
  }

  void mark(String key) {
    if (keys.add(key)) {
      store.put(key, "");
    }
  }

  /** Hands every dirty key to {@code emit} once and forgets it. */
  void drain(Consumer<String> emit) {
    if (keys.isEmpty()) {
      return;
    }
    // keys marked while emitting wait for the next round
    List<String> due = new ArrayList<>(keys);
    for (String key : due) {
      emit.accept(key);
      keys.remove(key);
      store.delete(key);
    }
  }
}
