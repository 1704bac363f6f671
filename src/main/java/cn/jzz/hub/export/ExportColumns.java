package cn.jzz.hub.export;

import cn.jzz.hub.query.FacetLabels;
import cn.jzz.hub.schema.ExportHeaders;
import cn.jzz.hub.schema.FieldDef;
import cn.jzz.hub.schema.FieldType;
import cn.jzz.hub.schema.ResidentSchema;
import cn.jzz.hub.security.FieldProtection;
import cn.jzz.hub.security.CallerView;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The columns of one export, each decided once for the whole file: its header, what the caller may see
 * of it ({@link FieldProtection#columnView}) and how its values read. Per row only the values are
 * looked at, so the cost of a row does not grow with the schema.
 */
final class ExportColumns {

  /** One column; {@code view} is null when the caller may not see the field (its cells stay empty). */
  private record Column(String key, String header, UnaryOperator<Object> view, FieldDef field, boolean code) {}

  private final List<Column> columns;
  private final FacetLabels labels;

  private ExportColumns(List<Column> columns, FacetLabels labels) {
    this.columns = columns;
    this.labels = labels;
  }

  static ExportColumns of(List<String> keys, ResidentSchema schema, ExportHeaders headers, FieldProtection protection, FacetLabels labels, CallerView caller, boolean unmasked) {
    List<Column> columns = new ArrayList<>();
    for (String key : keys) {
      Optional<FieldDef> field = schema.field(key);
      String header = key.equals("person_id") ? "人员标识" : headers.header(key);
      UnaryOperator<Object> view = protection.columnView(caller, key, unmasked).orElse(null);
      boolean code = field.isPresent() && field.get().type().kind() == FieldType.Kind.CODE;
      columns.add(new Column(key, header, view, field.orElse(null), code));
    }
    return new ExportColumns(List.copyOf(columns), labels);
  }

  List<String> keys() {
    return columns.stream().map(Column::key).toList();
  }

  List<String> headers() {
    return columns.stream().map(Column::header).toList();
  }

  int size() {
    return columns.size();
  }

  /** The cells of one hit's {@code _source}, as the caller may see them, into {@code cells}. */
  void cells(Map<String, Object> source, String[] cells) {
    for (int i = 0; i < cells.length; i++) {
      Column c = columns.get(i);
      Object value = c.view() == null ? null : source.get(c.key());
      cells[i] = value == null ? "" : render(c, c.view().apply(value));
    }
  }

  /** A value as the cell shows it: code labels, 是/否, tags joined with 、. */
  private String render(Column c, Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof List<?> list) {
      StringBuilder joined = new StringBuilder();
      for (Object item : list) {
        if (!joined.isEmpty()) {
          joined.append('、');
        }
        joined.append(item);
      }
      return joined.toString();
    }
    if (c.code()) {
      return labels.label(c.field(), value.toString());
    }
    if (value instanceof Boolean b) {
      return b ? "是" : "否";
    }
    return value.toString();
  }
}
