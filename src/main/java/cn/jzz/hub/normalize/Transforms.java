package cn.jzz.hub.normalize;

import cn.jzz.hub.normalize.MappingDefinition.TransformDefinition;
import cn.jzz.hub.support.ConfigProblems;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The transform vocabulary of the mapping language. Each entry compiles a definition to a {@link Transform}. */
final class Transforms {

  static final Set<String> NAMES = new TreeSet<>(Set.of("trim", "upper", "lower", "map", "date"));

  private Transforms() {}

  static Transform compile(TransformDefinition step, String path, ConfigProblems problems) {
    switch (step.name()) {
      case "trim":
        return v -> v == null ? null : blankToNull(v.toString().strip());
      case "upper":
        return v -> v == null ? null : v.toString().toUpperCase(Locale.ROOT);
      case "lower":
        return v -> v == null ? null : v.toString().toLowerCase(Locale.ROOT);
      case "map":
        return codeMap(step.argument(), path, problems);
      case "date":
        return date(step.argument(), path, problems);
      default:
        problems.add(path, "unknown transform '" + step.name() + "'; known: " + NAMES);
        return v -> v;
    }
  }

  private static Transform codeMap(Object argument, String path, ConfigProblems problems) {
    if (!(argument instanceof Map<?, ?> map) || map.isEmpty()) {
      problems.add(path, "map needs a source value → target value mapping, e.g. {map: {\"1\": 在册}}");
      return v -> v;
    }
    @SuppressWarnings("unchecked")
    Map<String, String> codes = Map.copyOf((Map<String, String>) map);
    return v -> {
      if (v == null) {
        return null;
      }
      String key = v.toString().strip();
      if (!codes.containsKey(key)) {
        throw new Transform.ValueRejected("value '" + key + "' is not in the mapping's code list " + new TreeSet<>(codes.keySet()));
      }
      return codes.get(key);
    };
  }

  private static Transform date(Object argument, String path, ConfigProblems problems) {
    List<String> patterns = argument instanceof List<?> list ? list.stream().map(Object::toString).toList() : argument == null ? List.of() : List.of(argument.toString());
    if (patterns.isEmpty()) {
      problems.add(path, "date needs a pattern, e.g. {date: yyyyMMdd} or {date: [yyyyMMdd, yyyy-MM-dd]}");
      return v -> v;
    }
    List<DateTimeFormatter> formats = new java.util.ArrayList<>();
    for (String pattern : patterns) {
      try {
        formats.add(DateTimeFormatter.ofPattern(pattern.replace("yyyy", "uuuu")).withResolverStyle(java.time.format.ResolverStyle.STRICT));
      } catch (IllegalArgumentException e) {
        problems.add(path, "'" + pattern + "' is not a date pattern: " + e.getMessage());
      }
    }
    return v -> {
      if (v == null) {
        return null;
      }
      String text = v.toString().strip();
      if (text.isEmpty()) {
        return null;
      }
      // CDC and JDBC deliver real dates already as ISO text.
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
  }

  private static String blankToNull(String s) {
    return s.isEmpty() ? null : s;
  }
}
