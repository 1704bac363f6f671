package cn.jzz.hub.schema;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Chinese column headers of exports, generated from the schema's labels, ordered by field number.
 *
 * @param byKey key → Chinese header, the 55 data fields in field-number order
 */
public record ExportHeaders(Map<String, String> byKey) {

  public ExportHeaders {
    byKey = Collections.unmodifiableMap(new LinkedHashMap<>(byKey));
  }

  /** Headers of all 55 data fields from {@code schema}. */
  public static ExportHeaders of(ResidentSchema schema) {
    Map<String, String> headers = new LinkedHashMap<>();
    schema.fields().forEach(f -> headers.put(f.key(), f.label()));
    return new ExportHeaders(headers);
  }

  /** The Chinese header of one field; fails naming the unknown key. */
  public String header(String key) {
    String label = byKey.get(key);
    if (label == null) {
      throw new IllegalArgumentException("no export column '" + key + "'; columns are the 55 field keys");
    }
    return label;
  }

  /** Headers of the chosen columns, in the order given. */
  public List<String> headers(List<String> keys) {
    return keys.stream().map(this::header).toList();
  }

  /** Keys of all columns in field-number order. */
  public List<String> keys() {
    return List.copyOf(byKey.keySet());
  }
}
