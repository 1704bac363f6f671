package cn.jzz.hub.merge;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jzz.hub.support.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GoldenJsonTest {

  private static Map<String, Object> record(String name, String updatedAt) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("person_id", "p1");
    doc.put("full_name", name);
    doc.put("tag_all", List.of("老年人"));
    doc.put("provenance", Map.of("full_name", Map.of("source", "gaj")));
    doc.put("updated_at", updatedAt);
    doc.put("version", 0L);
    return doc;
  }

  @Test
  void thePublishedRecordIsTheRecordWithItsVersion() {
    Map<String, Object> expected = record("张三 \"引号\"", "2026-11-26T04:00:00Z");
    expected.put("version", 7L);
    String published = GoldenJson.of(record("张三 \"引号\"", "2026-11-26T04:00:00Z")).withVersion(7);
    assertThat(published).isEqualTo(Json.write(expected));
  }

  @Test
  void theDigestCoversWhatAReaderSeesButNotTheBookkeeping() throws Exception {
    GoldenJson a = GoldenJson.of(record("张三", "2026-11-26T04:00:00Z"));
    GoldenJson later = GoldenJson.of(record("张三", "2026-11-27T09:30:00Z"));
    GoldenJson renamed = GoldenJson.of(record("张叁", "2026-11-26T04:00:00Z"));
    assertThat(later.digest()).isEqualTo(a.digest());
    assertThat(renamed.digest()).isNotEqualTo(a.digest());

    // The same digest as the stores of earlier versions hold, so an upgrade re-emits nobody.
    Map<String, Object> content = record("张三", "x");
    content.remove("updated_at");
    content.remove("version");
    byte[] hash = MessageDigest.getInstance("SHA-256").digest(Json.write(content).getBytes(StandardCharsets.UTF_8));
    assertThat(a.digest()).isEqualTo(HexFormat.of().formatHex(hash, 0, 16));
  }
}
