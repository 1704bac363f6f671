package cn.jzz.hub.schema;

import java.util.ArrayList;
import java.util.List;

/** Collects problems so a loader can report all of them at once instead of stopping at the first. */
final class Problems {

  private final List<Problem> list = new ArrayList<>();

  void add(String file, String path, String message) {
    list.add(new Problem(file, path, message));
  }

  void addAll(List<Problem> problems) {
    list.addAll(problems);
  }

  boolean isEmpty() {
    return list.isEmpty();
  }

  List<Problem> list() {
    return List.copyOf(list);
  }

  void throwIfAny() {
    if (!list.isEmpty()) {
      throw new SchemaException(list);
    }
  }
}
