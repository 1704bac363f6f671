package cn.jzz.hub.normalize;

import cn.jzz.hub.normalize.ValueType.Kind;
import cn.jzz.hub.schema.CodeTables;
import cn.jzz.hub.schema.FieldType;
import cn.jzz.hub.support.ConfigProblems;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Whether a chain's output fits its target field, decided twice: statically when the mapping is
 * compiled (a date into an enum, codes the table lacks), and at run time on every value, so that a
 * contribution only ever holds values in the unified schema's terms.
 */
final class TargetTypes {

  private TargetTypes() {}

  /** Notes a problem at {@code path} when {@code value} can never fit {@code target}. */
  static void check(String target, FieldType type, ValueType value, CodeTables tables, String path, ConfigProblems problems) {
    if (value.list() && !type.repeated()) {
      problems.add(path, target + " holds one value but the chain yields a list (after split); map the list to tags instead");
      return;
    }
    Kind k = value.kind();
    String need = type.describe();
    boolean fits =
        switch (type.kind()) {
          case STRING -> k != Kind.BOOL;
          case INT, LONG -> k == Kind.ANY || k == Kind.TEXT || k == Kind.INT;
          case DATE -> k != Kind.BOOL;
          case TIMESTAMP -> k == Kind.ANY || k == Kind.TEXT || k == Kind.TIMESTAMP || k == Kind.DATE;
          case BOOLEAN -> k == Kind.ANY || k == Kind.TEXT || k == Kind.BOOL || k == Kind.INT;
          case ENUM, CODE -> k == Kind.ANY || k == Kind.TEXT;
          default -> false;
        };
    if (!fits) {
      problems.add(path, target + " is " + need + " but the chain yields " + value.describe() + "; change the last transform");
      return;
    }
    if (type.kind() == FieldType.Kind.CODE && value.codeTable() != null && !value.codeTable().equals(type.codeTable())) {
      problems.add(path, target + " takes codes of table " + type.codeTable() + ", not of " + value.codeTable());
      return;
    }
    if (value.values() != null) {
      List<String> bad = new ArrayList<>();
      for (String v : new TreeSet<>(value.values())) {
        try {
          coerce(type, v, tables);
        } catch (Transform.ValueRejected e) {
          bad.add(v);
        }
      }
      if (!bad.isEmpty()) {
        problems.add(path, "can never reach " + target + ": " + bad + " " + (bad.size() == 1 ? "is" : "are") + " not valid for " + need + allowed(type, tables));
      }
    }
  }

  private static String allowed(FieldType type, CodeTables tables) {
    if (type.kind() == FieldType.Kind.ENUM) {
      return "; allowed: " + type.values();
    }
    if (type.kind() == FieldType.Kind.CODE && !"division".equals(type.codeTable())) {
      return "; codes: " + tables.get(type.codeTable()).map(t -> t.entries().keySet().toString()).orElse("?");
    }
    return "";
  }

  /** The value in the field's terms, or why it does not fit. */
  static Object coerce(FieldType type, Object value, CodeTables tables) throws Transform.ValueRejected {
    if (value instanceof List<?> list) {
      if (!type.repeated()) {
        throw new Transform.ValueRejected("several values where one is expected");
      }
      List<Object> out = new ArrayList<>();
      for (Object item : list) {
        out.add(coerceOne(type, item, tables));
      }
      return List.copyOf(out);
    }
    return coerceOne(type, value, tables);
  }

  private static Object coerceOne(FieldType type, Object value, CodeTables tables) throws Transform.ValueRejected {
    String text = Values.text(value);
    switch (type.kind()) {
      case STRING -> {
        if (type.maxLength() != null && text.length() > type.maxLength()) {
          throw new Transform.ValueRejected("longer than " + type.maxLength() + " characters");
        }
        return text;
      }
      case INT, LONG -> {
        return Values.integer(value).orElseThrow(() -> new Transform.ValueRejected("'" + text + "' is not a whole number"));
      }
      case DATE -> {
        return Values.date(value).map(LocalDate::toString).orElseThrow(() -> new Transform.ValueRejected("'" + text + "' is not a date"));
      }
      case TIMESTAMP -> {
        return Values.timestamp(value).map(Object::toString).orElseThrow(() -> new Transform.ValueRejected("'" + text + "' is not a timestamp"));
      }
      case BOOLEAN -> {
        return Values.bool(value).orElseThrow(() -> new Transform.ValueRejected("'" + text + "' is not true or false"));
      }
      case ENUM -> {
        if (!type.values().contains(text)) {
          throw new Transform.ValueRejected("'" + text + "' is not one of " + type.values());
        }
        return text;
      }
      case CODE -> {
        boolean known = tables.get(type.codeTable()).map(t -> t.contains(text)).orElse(false);
        if (!known) {
          throw new Transform.ValueRejected("'" + text + "' is not a code of table " + type.codeTable());
        }
        return text;
      }
      default -> throw new Transform.ValueRejected("a " + type.kind().yaml() + " field cannot be set by a mapping");
    }
  }

  static final Set<FieldType.Kind> SETTABLE =
      Set.of(FieldType.Kind.STRING, FieldType.Kind.INT, FieldType.Kind.LONG, FieldType.Kind.DATE, FieldType.Kind.TIMESTAMP,
          FieldType.Kind.BOOLEAN, FieldType.Kind.ENUM, FieldType.Kind.CODE);
}
