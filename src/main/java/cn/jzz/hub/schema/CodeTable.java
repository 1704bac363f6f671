package cn.jzz.hub.schema;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A code table: code → name, in file order.
 *
 * @param name the table's name as used in resident.yaml ({@code sex}, {@code ethnicity}, …)
 * @param standard the standard it comes from (e.g. {@code GB/T 2261.1-2003}); empty if not stated
 * @param entries code → Chinese name
 */
public record CodeTable(String name, String standard, Map<String, String> entries) {

  public CodeTable {
    entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
  }

  public boolean contains(String code) {
    return entries.containsKey(code);
  }

  public Optional<String> nameOf(String code) {
    return Optional.ofNullable(entries.get(code));
  }

  public int size() {
    return entries.size();
  }
}
