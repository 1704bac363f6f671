package cn.jzz.hub.schema;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The type of a field.
 *
 * @param kind the basic kind
 * @param codeTable for {@link Kind#CODE}: the code table name; otherwise null
 * @param values for {@link Kind#ENUM}: the allowed values; for {@link Kind#TAGS}: the allowed tags;
 *     otherwise empty
 * @param maxLength for strings with a fixed maximum length (string(n) in the spec); otherwise null
 * @param repeated whether the field holds a list of values (always true for tags)
 */
public record FieldType(
    Kind kind, String codeTable, List<String> values, Integer maxLength, boolean repeated) {

  /** The basic kinds a field can have, with their spelling in resident.yaml. */
  public enum Kind {
    STRING("string"),
    INT("int"),
    LONG("long"),
    DATE("date"),
    TIMESTAMP("timestamp"),
    BOOLEAN("boolean"),
    ENUM("enum"),
    CODE("code"),
    TAGS("tags"),
    OBJECT("object");

    private final String yaml;

    Kind(String yaml) {
      this.yaml = yaml;
    }

    public String yaml() {
      return yaml;
    }

    public static Optional<Kind> fromYaml(String name) {
      return Arrays.stream(values()).filter(k -> k.yaml.equals(name)).findFirst();
    }
  }

  public FieldType {
    values = List.copyOf(values);
    repeated = repeated || kind == Kind.TAGS;
  }

  /** Short human form for docs: {@code code(sex)}, {@code string(18)}, {@code enum}, {@code tags}. */
  public String describe() {
    return switch (kind) {
      case CODE -> "code(" + codeTable + ")";
      case STRING -> (maxLength == null ? "string" : "string(" + maxLength + ")") + (repeated ? "[]" : "");
      default -> kind.yaml();
    };
  }
}
