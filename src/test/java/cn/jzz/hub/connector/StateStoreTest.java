package cn.jzz.hub.connector;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateStoreTest {

  @Test
  void aWrittenPositionIsReadBackAndReplacedWholeWithoutTemporaryFilesLeft(@TempDir Path dir) throws Exception {
    StateStore store = new StateStore(dir.resolve("ybj"));
    assertThat(store.read("w.json", new TypeReference<Map<String, Integer>>() {})).isEmpty();
    store.write("w.json", Map.of("a", 1));
    store.write("w.json", Map.of("a", 2, "b", 3));
    assertThat(store.read("w.json", new TypeReference<Map<String, Integer>>() {})).contains(Map.of("a", 2, "b", 3));
    try (var files = Files.list(dir.resolve("ybj"))) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("w.json");
    }
    store.clear();
    assertThat(store.read("w.json", new TypeReference<Map<String, Integer>>() {})).isEmpty();
  }
}
