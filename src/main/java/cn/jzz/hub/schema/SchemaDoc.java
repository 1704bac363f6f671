package cn.jzz.hub.schema;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

/**
 * Generates {@code docs/schema.md}, the reference page of the resident record, from {@code schemas/}.
 * A test compares the committed page with a fresh rendering; regenerate with
 * the test switch in {@link #REGENERATE_HINT}, or run {@link #main} from the repository root.
 */
public final class SchemaDoc {

  /** How to regenerate the committed page; quoted by the test that guards it. */
  public static final String REGENERATE_HINT =
      "regenerate it with: mvn -B -o -q test -Dtest=SchemaDocTest -Dhub.regenerate-docs=true";

  private SchemaDoc() {}

  /** Renders the page as Markdown. */
  public static String render(ResidentSchema schema, TagDictionary tags) {
    StringBuilder md = new StringBuilder();
    md.append("<!-- GENERATED from schemas/ by cn.jzz.hub.schema.SchemaDoc: do not edit; ")
        .append(REGENERATE_HINT).append(" -->\n\n");
    md.append("# The resident record (schema version ").append(schema.version()).append(")\n\n");
    md.append("One record per person: ").append(schema.fields().size())
        .append(" data fields in groups A–H, plus system fields (S). Source of truth: `schemas/resident.yaml`, ")
        .append("`schemas/tags.yaml`, `schemas/sources.yaml`, `schemas/codes/`.\n\n");
    md.append("Sensitivity: `S` sensitive personal information (PIPL Art. 28), `M` masked unless the role may ")
        .append("see it unmasked, `restricted` restricted tags. Authority: sources in rank order; ")
        .append("`latest of …` the most recent source timestamp wins; `…, latest` after the listed sources the ")
        .append("most recent value of any other source; `derived` computed by the hub; `—` the matching key.\n\n");
    md.append("## Groups\n\n| group | 中文 | English | fields |\n|---|---|---|---|\n");
    for (FieldGroup g : schema.groups()) {
      md.append("| ").append(g.id()).append(" | ").append(g.label()).append(" | ").append(g.labelEn())
          .append(" | ").append(schema.fieldsOf(g.id()).size()).append(" |\n");
    }
    for (FieldGroup g : schema.groups()) {
      md.append("\n## ").append(g.id()).append(". ").append(g.label()).append(" (").append(g.labelEn()).append(")\n\n");
      md.append("| # | 中文 | key | type | code table | sens. | authority | description |\n");
      md.append("|---|---|---|---|---|---|---|---|\n");
      for (FieldDef f : schema.fieldsOf(g.id())) {
        md.append("| ").append(f.number() == null ? "" : f.number())
            .append(" | ").append(f.label())
            .append(" | `").append(f.key()).append('`')
            .append(" | ").append(typeCell(f))
            .append(" | ").append(f.type().codeTable() == null ? "" : "`" + f.type().codeTable() + "`")
            .append(" | ").append(f.sensitivity().stream().sorted().map(Sensitivity::code).collect(Collectors.joining(" ")))
            .append(" | ").append(f.authority() == null ? "hub" : f.authority().describe())
            .append(" | ").append(cell(f.description()))
            .append(f.searchable() ? " Full-text searchable." : "")
            .append(" |\n");
      }
    }
    md.append("\n## Tag dictionary\n\n");
    md.append("| tag | field | owners | sens. | rule | 说明 |\n|---|---|---|---|---|---|\n");
    for (TagDef t : tags.tags()) {
      md.append("| ").append(t.name())
          .append(" | ").append(t.field() == null ? "(age filter)" : "`" + t.field() + "`")
          .append(" | ").append(String.join(", ", t.owners()))
          .append(" | ").append(t.sensitivity().stream().sorted().map(Sensitivity::code).collect(Collectors.joining(" ")))
          .append(" | ").append(cell(t.rule().describe()))
          .append(" | ").append(cell(t.explanation()))
          .append(" |\n");
    }
    md.append("\n## Code tables\n\n| table | standard | codes |\n|---|---|---|\n");
    for (CodeTable table : schema.codeTables().tables().values()) {
      md.append("| `").append(table.name()).append("` | ").append(table.standard()).append(" | ")
          .append(table.size() > 20 ? table.size() + " codes" : table.entries().entrySet().stream()
              .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")))
          .append(" |\n");
    }
    md.append("\n## Sources\n\n| id | 部门 | kind | system |\n|---|---|---|---|\n");
    for (Source s : schema.sources().byId().values()) {
      md.append("| `").append(s.id()).append("` | ").append(s.name()).append(" | ").append(s.kind())
          .append(" | ").append(cell(s.system())).append(" |\n");
    }
    return md.toString();
  }

  private static String typeCell(FieldDef f) {
    FieldType t = f.type();
    return switch (t.kind()) {
      case ENUM -> "enum: " + String.join(" / ", t.values());
      case TAGS -> "tags: " + String.join(", ", t.values());
      default -> t.describe();
    };
  }

  private static String cell(String text) {
    return text.replace("|", "\\|").replace("\n", " ");
  }

  /** Writes {@code docs/schema.md} under {@code repoRoot} from {@code repoRoot/schemas}. */
  public static Path write(Path repoRoot) throws IOException {
    Path schemas = repoRoot.resolve("schemas");
    ResidentSchema schema = ResidentSchema.load(schemas);
    String page = render(schema, TagDictionary.load(schemas, schema));
    Path out = repoRoot.resolve("docs/schema.md");
    Files.createDirectories(out.getParent());
    Files.writeString(out, page, StandardCharsets.UTF_8);
    return out;
  }

  /** Regenerates docs/schema.md; argument: the repository root (default: the working directory). */
  public static void main(String[] args) throws IOException {
    Path root = Path.of(args.length > 0 ? args[0] : ".");
    System.out.println("wrote " + write(root).toAbsolutePath());
  }
}
