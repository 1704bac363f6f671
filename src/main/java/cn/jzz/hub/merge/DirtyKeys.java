package cn.jzz.hub.merge;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keys changed since the last emission, kept in a state store so that, under exactly-once, "changed
 * but not yet emitted" survives a crash together with the change itself.
 */
final class DirtyKeys {

  private final KeyValueStore<String, String> store;

  DirtyKeys(KeyValueStore<String, String> store) {
    this.store = store;
  }

  void mark(String key) {
    store.put(key, "");
  }

  /** Hands every dirty key to {@code emit} once and forgets it. */
  void drain(Consumer<String> emit) {
    List<String> keys = new ArrayList<>();
    try (KeyValueIterator<String, String> it = store.all()) {
      while (it.hasNext()) {
        keys.add(it.next().key);
      }
    }
    for (String key : keys) {
      emit.accept(key);
      store.delete(key);
    }
  }
}
