package cn.jzz.hub.normalize;

import java.util.Set;

/**
 * What the compiler knows statically about a value at one point of a transform chain, so that it can
 * refuse a chain that cannot fit its target (a date into an enum, a map to codes the table lacks).
 *
 * @param kind the basic kind
 * @param list the value is a list (after {@code split}); later steps apply to each element
 * @param values the finite set of values it can take (after {@code map}, {@code const}), else null
 * @param codeTable the code table its values belong to (after {@code code_table}), else null
 * @param alwaysNull it can never hold a value (a map whose every target is null)
 */
record ValueType(Kind kind, boolean list, Set<String> values, String codeTable, boolean alwaysNull) {

  enum Kind {
    /** A raw column: anything the source sends. */
    ANY,
    TEXT,
    INT,
    DATE,
    TIMESTAMP,
    BOOL
  }

  static final ValueType RAW = new ValueType(Kind.ANY, false, null, null, false);

  static ValueType of(Kind kind) {
    return new ValueType(kind, false, null, null, false);
  }

  ValueType withKind(Kind k) {
    return new ValueType(k, list, null, null, alwaysNull);
  }

  ValueType withList(boolean isList) {
    return new ValueType(kind, isList, values, codeTable, alwaysNull);
  }

  ValueType asList() {
    return new ValueType(kind, true, values, codeTable, alwaysNull);
  }

  String describe() {
    String base = kind == Kind.ANY ? "a raw value" : kind.name().toLowerCase(java.util.Locale.ROOT);
    return (list ? "a list of " : "") + base + (values != null ? " " + values : "") + (codeTable != null ? " (code table " + codeTable + ")" : "");
  }
}
