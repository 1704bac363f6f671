package cn.jzz.hub.normalize;

import cn.jzz.hub.identity.IdNumbers;
import cn.jzz.hub.identity.IdParseResult;
import cn.jzz.hub.normalize.MappingDefinition.TransformDefinition;
import cn.jzz.hub.normalize.ValueType.Kind;
import cn.jzz.hub.schema.CodeTable;
import cn.jzz.hub.support.ConfigProblems;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The transform vocabulary of the mapping language (docs/mappings.md). Each name compiles, given the
 * static type of its input, to a {@link Step} with the static type of its output.
 */
final class Transforms {

  static final Set<String> NAMES =
      new TreeSet<>(Set.of(
          "trim", "fold_width", "upper", "lower", "map", "code_table", "date", "timestamp", "phone", "id_number",
          "numeral", "int", "boolean", "split", "lookup", "find", "default", "regex"));
  static final List<String> DEFAULT_SEPARATORS = List.of(",", "，", "、", ";", "；");
  /** The key of a {@code map} entry that catches every other value. */
  static final String OTHERWISE = "*";
  static final Set<String> LOOKUPS = Set.of("community");

  /**
   * A compiled step.
   *
   * @param acceptsNull runs on a null value too ({@code default}); other steps pass null through
   * @param listAware receives a whole list ({@code split}); other steps run on each element
   */
  record Step(String name, Transform fn, ValueType out, boolean acceptsNull, boolean listAware) {}

  private Transforms() {}

  static Step compile(TransformDefinition def, ValueType in, MappingContext context, ConfigProblems problems) {
    String path = def.path();
    Object arg = def.argument();
    switch (def.name()) {
      case "trim":
        return text(def, in, v -> blankToNull(Values.text(v).strip()), true);
      case "fold_width":
        return text(def, in, v -> Values.foldWidth(Values.text(v)), true);
      case "upper":
        return text(def, in, v -> Values.text(v).toUpperCase(Locale.ROOT), true);
      case "lower":
        return text(def, in, v -> Values.text(v).toLowerCase(Locale.ROOT), true);
      case "map":
        return map(def, in, problems);
      case "code_table":
        return codeTable(def, in, context, problems);
      case "date":
        return date(def, in, problems);
      case "timestamp":
        noArgument(def, problems);
        return step(def, ValueType.of(Kind.TIMESTAMP).withList(in.list()), v -> Values.timestamp(v).map(Object::toString)
            .orElseThrow(() -> new Transform.ValueRejected("'" + Values.text(v) + "' is not a timestamp")));
      case "phone":
        noArgument(def, problems);
        // The rejected value is not repeated: a phone number is personal data.
        return step(def, ValueType.of(Kind.TEXT).withList(in.list()), v -> Values.phone(v)
            .orElseThrow(() -> new Transform.ValueRejected("not a mobile number (1[3-9] + 9 digits) nor a 0537 landline; dropped")));
      case "id_number":
        noArgument(def, problems);
        return idNumber(def, in, context);
      case "numeral":
        noArgument(def, problems);
        return step(def, ValueType.of(Kind.TEXT).withList(in.list()), v -> Values.numeral(v)
            .orElseThrow(() -> new Transform.ValueRejected("'" + Values.text(v) + "' holds no number")));
      case "int":
        noArgument(def, problems);
        return step(def, ValueType.of(Kind.INT).withList(in.list()), v -> Values.integer(v)
            .orElseThrow(() -> new Transform.ValueRejected("'" + Values.text(v) + "' is not a whole number")));
      case "boolean":
        noArgument(def, problems);
        return step(def, ValueType.of(Kind.BOOL).withList(in.list()), v -> Values.bool(v)
            .orElseThrow(() -> new Transform.ValueRejected("'" + Values.text(v) + "' is not true/false, 1/0 or 是/否")));
      case "split":
        return split(def, in, problems);
      case "lookup":
      case "find":
        return lookup(def, in, context, problems);
      case "default":
        return defaultValue(def, in, problems);
      case "regex":
        return regex(def, in, problems);
      default:
        problems.add(path, "unknown transform '" + def.name() + "'; known: " + NAMES);
        return new Step(def.name(), v -> v, in, false, false);
    }
  }

  private static Step text(TransformDefinition def, ValueType in, Transform fn, boolean keepValues) {
    ValueType out = new ValueType(Kind.TEXT, in.list(), keepValues ? in.values() : null, keepValues ? in.codeTable() : null, in.alwaysNull());
    return new Step(def.name(), fn, out, false, false);
  }

  private static Step step(TransformDefinition def, ValueType out, Transform fn) {
    return new Step(def.name(), fn, out, false, false);
  }

  private static void noArgument(TransformDefinition def, ConfigProblems problems) {
    if (def.argument() != null) {
      problems.add(def.path(), "'" + def.name() + "' takes no argument; write it as a plain name");
    }
  }

  private static Step map(TransformDefinition def, ValueType in, ConfigProblems problems) {
    if (!(def.argument() instanceof Map<?, ?> raw) || raw.isEmpty()) {
      problems.add(def.path(), "map needs source value → target value, e.g. {map: {\"1\": 在册, \"0\": null}} (null drops the value)");
      return new Step("map", v -> v, in, false, false);
    }
    Map<String, String> codes = new LinkedHashMap<>();
    raw.forEach((k, v) -> {
      if (v != null && !(v instanceof String)) {
        problems.add(def.path() + "." + k, "a map target is a single value or null, not " + (v instanceof List ? "a list" : "a mapping"));
      }
      codes.put(String.valueOf(k), v == null ? null : v.toString());
    });
    Set<String> targets = new LinkedHashSet<>();
    codes.values().stream().filter(Objects::nonNull).forEach(targets::add);
    boolean hasOtherwise = codes.containsKey(OTHERWISE);
    Set<String> keys = new TreeSet<>(codes.keySet());
    keys.remove(OTHERWISE);
    Transform fn = v -> {
      String key = Values.foldWidth(Values.text(v)).strip();
      if (codes.containsKey(key)) {
        return codes.get(key);
      }
      if (hasOtherwise) {
        return codes.get(OTHERWISE);
      }
      throw new Transform.ValueRejected("value '" + key + "' is not among the map's keys " + keys);
    };
    ValueType out = new ValueType(Kind.TEXT, in.list(), Set.copyOf(targets), null, targets.isEmpty());
    return new Step("map", fn, out, false, false);
  }

  private static Step codeTable(TransformDefinition def, ValueType in, MappingContext context, ConfigProblems problems) {
    String name = def.argument() instanceof String s ? s : null;
    CodeTable table = name == null ? null : context.schema().codeTables().get(name).orElse(null);
    if (table == null) {
      problems.add(def.path(), "unknown code table '" + def.argument() + "'; known: " + context.schema().codeTables().tables().keySet());
      return new Step("code_table", v -> v, in, false, false);
    }
    Transform fn = v -> {
      String s = Values.foldWidth(Values.text(v)).strip();
      if (table.contains(s)) {
        return s;
      }
      List<String> byName = new ArrayList<>();
      table.entries().forEach((code, label) -> {
        if (label.equals(s)) {
          byName.add(0, code);
        } else if (label.startsWith(s) && !s.isEmpty()) {
          byName.add(code);
        }
      });
      // An exact name wins; otherwise a short name (肢体 for 肢体残疾) must point at one entry only.
      if (!byName.isEmpty() && (table.nameOf(byName.get(0)).orElse("").equals(s) || byName.size() == 1)) {
        return byName.get(0);
      }
      throw new Transform.ValueRejected("'" + s + "' is neither a code nor a name of code table " + table.name());
    };
    return new Step("code_table", fn, new ValueType(Kind.TEXT, in.list(), Set.copyOf(table.entries().keySet()), table.name(), in.alwaysNull()), false, false);
  }

  private static Step date(TransformDefinition def, ValueType in, ConfigProblems problems) {
    Object arg = def.argument();
    List<String> patterns = arg instanceof List<?> list ? list.stream().map(String::valueOf).toList()
        : arg == null || "auto".equals(arg) ? List.of() : List.of(arg.toString());
    List<DateTimeFormatter> formats = new ArrayList<>();
    for (String pattern : patterns) {
      try {
        formats.add(DateTimeFormatter.ofPattern(pattern.replace("yyyy", "uuuu")).withResolverStyle(ResolverStyle.STRICT));
      } catch (IllegalArgumentException e) {
        problems.add(def.path(), "'" + pattern + "' is not a date pattern: " + e.getMessage());
      }
    }
    Transform fn = v -> {
      String text = Values.text(v).strip();
      if (text.isEmpty()) {
        return null;
      }
      if (formats.isEmpty()) {
        return Values.date(v).map(LocalDate::toString)
            .orElseThrow(() -> new Transform.ValueRejected("'" + text + "' is not a date"));
      }
      // CDC and JDBC deliver real dates already as ISO text, whatever the pattern says.
      if (text.length() == 10 && text.charAt(4) == '-' && text.charAt(7) == '-') {
        try {
          return LocalDate.parse(text).toString();
        } catch (DateTimeParseException ignored) {
          // fall through to the declared patterns
        }
      }
      for (DateTimeFormatter format : formats) {
        try {
          return LocalDate.parse(text, format).toString();
        } catch (DateTimeParseException ignored) {
          // try the next pattern
        }
      }
      throw new Transform.ValueRejected("'" + text + "' is not a date in " + patterns);
    };
    return step(def, ValueType.of(Kind.DATE).withList(in.list()), fn);
  }

  private static Step idNumber(TransformDefinition def, ValueType in, MappingContext context) {
    IdNumbers ids = context.idNumbers();
    Transform fn = v -> {
      IdParseResult parsed = ids.parse(Values.text(v));
      if (parsed instanceof IdParseResult.Valid valid) {
        return valid.id().number();
      }
      IdParseResult.Invalid invalid = (IdParseResult.Invalid) parsed;
      if (invalid.reason() == cn.jzz.hub.identity.IdRejection.EMPTY) {
        return null;
      }
      throw new Transform.ValueRejected(invalid.reason().code() + " (" + invalid.detail() + ")");
    };
    return step(def, ValueType.of(Kind.TEXT).withList(in.list()), fn);
  }

  private static Step split(TransformDefinition def, ValueType in, ConfigProblems problems) {
    List<String> separators;
    if (def.argument() == null) {
      separators = DEFAULT_SEPARATORS;
    } else if (def.argument() instanceof List<?> list && !list.isEmpty()) {
      separators = list.stream().map(String::valueOf).toList();
    } else if (def.argument() instanceof String s && !s.isEmpty()) {
      separators = List.of(s);
    } else {
      problems.add(def.path(), "split takes no argument (splits at , ， 、 ; ；) or a list of separators");
      separators = DEFAULT_SEPARATORS;
    }
    Pattern at = Pattern.compile(String.join("|", separators.stream().map(Pattern::quote).toList()));
    Transform fn = v -> {
      List<Object> parts = new ArrayList<>();
      List<?> items = v instanceof List<?> l ? l : List.of(v);
      for (Object item : items) {
        if (item == null) {
          continue;
        }
        for (String part : at.split(Values.text(item))) {
          if (!part.isBlank()) {
            parts.add(part.strip());
          }
        }
      }
      return parts.isEmpty() ? null : List.copyOf(parts);
    };
    return new Step("split", fn, new ValueType(Kind.TEXT, true, null, null, in.alwaysNull()), false, true);
  }

  private static Step lookup(TransformDefinition def, ValueType in, MappingContext context, ConfigProblems problems) {
    if (!(def.argument() instanceof String table) || !LOOKUPS.contains(table)) {
      problems.add(def.path(), "unknown lookup '" + def.argument() + "'; known: " + LOOKUPS + " (schemas/divisions/jining-communities.csv)");
      return new Step(def.name(), v -> v, in, false, false);
    }
    Communities communities = context.communities();
    boolean find = def.name().equals("find");
    Transform fn = v -> {
      String s = Values.text(v);
      var code = find ? communities.findIn(s) : communities.byName(s);
      return code.orElseThrow(() -> new Transform.ValueRejected(
          (find ? "no known community name in '" : "'") + s + (find ? "'" : "' is not a community of jining-communities.csv")));
    };
    return step(def, ValueType.of(Kind.TEXT).withList(in.list()), fn);
  }

  private static Step defaultValue(TransformDefinition def, ValueType in, ConfigProblems problems) {
    if (!(def.argument() instanceof String constant)) {
      problems.add(def.path(), "default needs the value to use when there is none, e.g. {default: 无物业}");
      return new Step("default", v -> v, in, false, false);
    }
    Set<String> values = null;
    if (in.values() != null) {
      values = new LinkedHashSet<>(in.values());
      values.add(constant);
    }
    ValueType out = new ValueType(in.kind() == Kind.ANY ? Kind.TEXT : in.kind(), in.list(), values, in.codeTable(), false);
    return new Step("default", v -> v == null ? constant : v, out, true, false);
  }

  private static Step regex(TransformDefinition def, ValueType in, ConfigProblems problems) {
    Pattern pattern;
    try {
      pattern = Pattern.compile(String.valueOf(def.argument()));
    } catch (PatternSyntaxException e) {
      problems.add(def.path(), "not a regular expression: " + e.getDescription());
      return new Step("regex", v -> v, in, false, false);
    }
    Transform fn = v -> {
      Matcher m = pattern.matcher(Values.text(v));
      if (!m.find()) {
        return null;
      }
      return m.groupCount() >= 1 ? m.group(1) : m.group();
    };
    return step(def, ValueType.of(Kind.TEXT).withList(in.list()), fn);
  }

  private static String blankToNull(String s) {
    return s.isEmpty() ? null : s;
  }
}
