package cn.jzz.hub.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ComparisonTest {

  private static final List<String> FIELDS = List.of("person_id", "id_number", "full_name", "status");

  private static PersonView person(String id, String idNumber, String name, String... sources) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("person_id", id);
    f.put("id_number", idNumber);
    f.put("full_name", name);
    f.put("status", "在册");
    return new PersonView(id, f, Set.of(sources), Set.of());
  }

  @Test
  void equalSidesAreConsistentWithEqualChecksums() {
    Comparison c = new Comparison(FIELDS, Map.of("p1", person("p1", "A", "张三", "gaj"), "p2", person("p2", "B", "李四", "gaj")));
    c.indexed(person("p2", "B", "李四", "gaj"));
    c.indexed(person("p1", "A", "张三", "gaj"));
    assertThat(c.finish()).isEmpty();
    assertThat(c.consistentCount()).isEqualTo(2);
    assertThat(c.indexChecksum()).isEqualTo(c.expectedChecksum());
  }

  @Test
  void everyKindOfMismatchIsNamedWithItsPersonAndSources() {
    Comparison c =
        new Comparison(FIELDS, Map.of("p1", person("p1", "A", "张三", "gaj"), "p2", person("p2", "B", "李四", "gaj", "mzj"), "p3", person("p3", "C", "王五", "gaj")));
    c.indexed(person("p1", "A", "张三", "gaj"));
    c.indexed(person("p2", "B", "李四旧", "gaj"));
    c.indexed(person("p9", "Z", "幽灵", "fl"));
    c.indexed(person("p8", "A", "张三", "gaj"));
    List<Comparison.Mismatch> m = c.finish();
    assertThat(m).extracting(Comparison.Mismatch::personId, Comparison.Mismatch::kind)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("p2", Comparison.Kind.stale),
            org.assertj.core.groups.Tuple.tuple("p9", Comparison.Kind.unexpected),
            org.assertj.core.groups.Tuple.tuple("p8", Comparison.Kind.doubled),
            org.assertj.core.groups.Tuple.tuple("p8", Comparison.Kind.unexpected),
            org.assertj.core.groups.Tuple.tuple("p3", Comparison.Kind.missing));
    Comparison.Mismatch stale = m.stream().filter(x -> x.kind() == Comparison.Kind.stale).findFirst().orElseThrow();
    assertThat(stale.fields()).containsExactly("full_name");
    assertThat(stale.sources()).containsExactlyInAnyOrder("gaj", "mzj");
    assertThat(c.indexChecksum()).isNotEqualTo(c.expectedChecksum());
  }

  @Test
  void absentEmptyAndNullValuesAreTheSameAndNumbersDifferFromText() {
    Comparison c = new Comparison(List.of("person_id", "tags", "age"), Map.of());
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("tags", List.of());
    a.put("age", 3);
    Map<String, Object> b = new LinkedHashMap<>();
    b.put("age", 3);
    assertThat(c.differing(a, b)).isEmpty();
    b.put("age", "3");
    assertThat(c.differing(a, b)).containsExactly("age");
    assertThat(c.checksum(a)).isNotEqualTo(c.checksum(b));
  }
}
