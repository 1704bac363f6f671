package cn.jzz.hub.schema;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** Parses and validates resident.yaml against the code tables and the source registry. */
final class ResidentSchemaLoader {

  static final String FILE = "resident.yaml";
  static final int DATA_FIELDS = 55;

  private static final String[] FIELD_KEYS = {
    "number", "key", "label", "group", "type", "code_table", "values", "tags", "max_length",
    "repeated", "sensitivity", "authority", "searchable", "description"
  };

  private ResidentSchemaLoader() {}

  static ResidentSchema load(Path schemasDir) {
    Problems problems = new Problems();
    Sources sources = Sources.load(schemasDir, problems);
    CodeTables codeTables = CodeTables.load(schemasDir, problems);
    List<FieldGroup> groups = new ArrayList<>();
    List<FieldDef> fields = new ArrayList<>();
    int[] version = {0};
    YamlFiles.read(schemasDir, FILE, problems).ifPresent(root -> {
      StrictNode doc = StrictNode.root(FILE, root, problems);
      doc.allowOnly("version", "groups", "fields");
      Integer v = doc.optInt("version");
      if (v == null) {
        doc.problem("version", "missing required key 'version' (an integer, currently 1)");
      } else {
        version[0] = v;
      }
      groups.addAll(readGroups(doc));
      Map<String, FieldGroup> groupsById = new LinkedHashMap<>();
      groups.forEach(g -> groupsById.put(g.id(), g));
      Set<Integer> numbers = new TreeSet<>();
      for (StrictNode item : doc.list("fields")) {
        FieldDef field = readField(item, groupsById, codeTables, sources, numbers);
        if (field != null) {
          fields.add(field);
        }
      }
      checkWhole(doc, fields, numbers);
    });
    problems.throwIfAny();
    List<FieldDef> data = fields.stream().filter(f -> !f.isSystem())
        .sorted(Comparator.comparing(FieldDef::number)).toList();
    List<FieldDef> system = fields.stream().filter(FieldDef::isSystem).toList();
    return new ResidentSchema(version[0], groups, data, system, codeTables, sources);
  }

  private static List<FieldGroup> readGroups(StrictNode doc) {
    List<FieldGroup> groups = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (StrictNode item : doc.list("groups")) {
      item.allowOnly("id", "label", "label_en");
      String id = item.text("id");
      String label = item.text("label");
      String labelEn = item.optText("label_en");
      if (id != null && !ids.add(id)) {
        item.problem("id", "duplicate group id '" + id + "'");
      } else if (id != null && label != null) {
        groups.add(new FieldGroup(id, label, labelEn == null ? "" : labelEn));
      }
    }
    if (!ids.contains(FieldGroup.SYSTEM)) {
      doc.problem("groups", "group '" + FieldGroup.SYSTEM + "' (system fields) is required");
    }
    return groups;
  }

  private static FieldDef readField(
      StrictNode item, Map<String, FieldGroup> groups, CodeTables codeTables, Sources sources,
      Set<Integer> numbers) {
    item.allowOnly(FIELD_KEYS);
    Integer number = item.optInt("number");
    if (number != null && !numbers.add(number)) {
      item.problem("number", "duplicate number " + number);
    }
    String key = item.text("key");
    String label = item.text("label");
    String groupId = item.text("group");
    String description = item.optText("description");
    if (description == null) {
      item.problem("description", "missing description: every field needs one sentence saying what it holds");
    }
    if (key != null && !key.matches("[a-z][a-z0-9_]*")) {
      item.problem("key", "key '" + key + "' must be snake_case (lower-case letters, digits, _)");
    }
    FieldGroup group = groupId == null ? null : groups.get(groupId);
    if (groupId != null && group == null) {
      item.problem("group", "unknown group '" + groupId + "'; known: " + String.join(", ", groups.keySet()));
    }
    boolean system = group != null && group.isSystem();
    if (group != null && system && number != null) {
      item.problem("number", "system fields (group S) have no number; remove it");
    }
    if (group != null && !system && number == null) {
      item.problem("number", "missing required key 'number' (1.." + DATA_FIELDS + ")");
    }
    if (number != null && (number < 1 || number > DATA_FIELDS)) {
      item.problem("number", "number " + number + " is outside 1.." + DATA_FIELDS);
    }
    FieldType type = readType(item, codeTables);
    Set<Sensitivity> sensitivity = readSensitivity(item, "sensitivity");
    Authority authority = null;
    StrictNode auth = item.optChild("authority");
    if (system && auth != null) {
      item.problem("authority", "system fields are maintained by the hub and have no authority; remove it");
    } else if (!system && auth == null && !item.has("authority")) {
      item.problem("authority", "missing required key 'authority', e.g. {ordered: [gaj]}");
    } else if (auth != null) {
      authority = readAuthority(auth, sources);
    }
    boolean searchable = item.optBool("searchable", false);
    if (searchable && type != null && type.kind() != FieldType.Kind.STRING) {
      item.problem("searchable", "only string fields can be full-text searchable");
    }
    if (key == null || label == null || group == null || type == null || description == null
        || (!system && (number == null || authority == null))) {
      return null;
    }
    return new FieldDef(number, key, label, group, type, sensitivity, authority, searchable, description);
  }

  private static FieldType readType(StrictNode item, CodeTables codeTables) {
    String typeName = item.text("type");
    FieldType.Kind kind = typeName == null ? null : FieldType.Kind.fromYaml(typeName).orElse(null);
    if (typeName != null && kind == null) {
      item.problem("type", "unknown type '" + typeName + "'; allowed: "
          + Arrays.stream(FieldType.Kind.values()).map(FieldType.Kind::yaml).collect(Collectors.joining(", ")));
    }
    String codeTable = item.optText("code_table");
    List<String> values = item.optTextList("values");
    List<String> tags = item.optTextList("tags");
    Integer maxLength = item.optInt("max_length");
    boolean repeated = item.optBool("repeated", false);
    if (kind == null) {
      return null;
    }
    boolean ok = true;
    if (kind == FieldType.Kind.CODE) {
      if (codeTable == null) {
        item.problem("code_table", "missing required key 'code_table' for type code; known: " + known(codeTables));
        ok = false;
      } else if (!codeTables.contains(codeTable)) {
        item.problem("code_table", "unknown code table '" + codeTable + "'; known: " + known(codeTables));
        ok = false;
      }
    } else if (codeTable != null) {
      item.problem("code_table", "only type code has a code_table");
    }
    ok &= checkValues(item, "values", values, kind == FieldType.Kind.ENUM, "enum");
    ok &= checkValues(item, "tags", tags, kind == FieldType.Kind.TAGS, "tags");
    if (maxLength != null && (kind != FieldType.Kind.STRING || maxLength < 1)) {
      item.problem("max_length", "max_length is a positive length for string fields only");
    }
    if (repeated && (kind == FieldType.Kind.TAGS || kind == FieldType.Kind.OBJECT)) {
      item.problem("repeated", "tags are always repeated and objects never; remove it");
    }
    if (!ok) {
      return null;
    }
    List<String> allowed = kind == FieldType.Kind.ENUM ? values : kind == FieldType.Kind.TAGS ? tags : List.of();
    return new FieldType(kind, codeTable, allowed, maxLength, repeated);
  }

  private static String known(CodeTables codeTables) {
    return String.join(", ", codeTables.tables().keySet());
  }

  private static boolean checkValues(StrictNode item, String key, List<String> values, boolean expected, String kind) {
    if (!expected) {
      if (values != null) {
        item.problem(key, "only type " + kind + " has '" + key + "'");
      }
      return true;
    }
    if (values == null || values.isEmpty()) {
      item.problem(key, "type " + kind + " needs a non-empty list '" + key + "'");
      return false;
    }
    Set<String> seen = new HashSet<>();
    for (String value : values) {
      if (!seen.add(value)) {
        item.problem(key, "duplicate value '" + value + "'");
      }
    }
    return true;
  }

  static Set<Sensitivity> readSensitivity(StrictNode item, String key) {
    List<String> codes = item.optTextList(key);
    Set<Sensitivity> out = EnumSet.noneOf(Sensitivity.class);
    if (codes == null) {
      return out;
    }
    for (String code : codes) {
      Sensitivity.fromCode(code).ifPresentOrElse(out::add, () -> item.problem(key,
          "unknown sensitivity '" + code + "'; allowed: "
              + Arrays.stream(Sensitivity.values()).map(Sensitivity::code).collect(Collectors.joining(", "))));
    }
    return out;
  }

  private static Authority readAuthority(StrictNode auth, Sources sources) {
    auth.allowOnly("ordered", "then", "latest_of", "none");
    List<String> ordered = auth.optTextList("ordered");
    List<String> latestOf = auth.optTextList("latest_of");
    boolean none = auth.optBool("none", false);
    String then = auth.optText("then");
    int forms = (ordered != null ? 1 : 0) + (latestOf != null ? 1 : 0) + (none ? 1 : 0);
    if (forms != 1) {
      auth.problem(null, "authority needs exactly one of: ordered: [ids], latest_of: [ids], none: true");
      return null;
    }
    if (then != null && (ordered == null || !then.equals("latest"))) {
      auth.problem("then", "'then' is only allowed with 'ordered' and its only value is 'latest'");
    }
    if (none) {
      return Authority.none();
    }
    List<String> ids = ordered != null ? ordered : latestOf;
    String listKey = ordered != null ? "ordered" : "latest_of";
    boolean ok = !ids.isEmpty();
    if (ids.isEmpty()) {
      auth.problem(listKey, "needs at least one source id");
    }
    Set<String> seen = new HashSet<>();
    for (String id : ids) {
      boolean derived = Authority.DERIVED.equals(id);
      if (!seen.add(id)) {
        auth.problem(listKey, "source '" + id + "' is listed twice");
      } else if (derived && latestOf != null) {
        auth.problem(listKey, "'derived' has no timestamp and cannot take part in latest_of");
        ok = false;
      } else if (!derived && !sources.contains(id)) {
        auth.problem(listKey, "unknown source id '" + id + "'; known: "
            + String.join(", ", sources.ids()) + ", derived");
        ok = false;
      }
    }
    if (!ok) {
      return null;
    }
    return ordered != null ? Authority.ordered(ordered, then != null) : Authority.latestOf(latestOf);
  }

  private static void checkWhole(StrictNode doc, List<FieldDef> fields, Set<Integer> numbers) {
    Map<String, Integer> keys = new HashMap<>();
    Map<String, String> tagOwner = new HashMap<>();
    for (FieldDef field : fields) {
      if (keys.merge(field.key(), 1, Integer::sum) == 2) {
        doc.problem("fields", "duplicate key '" + field.key() + "'");
      }
      if (field.isTags()) {
        for (String tag : field.type().values()) {
          String other = tagOwner.putIfAbsent(tag, field.key());
          if (other != null) {
            doc.problem("fields", "tag '" + tag + "' is listed by both " + other + " and " + field.key()
                + "; tag names must be unique because tags_all/tags_any match across all tag fields");
          }
        }
      }
    }
    List<Integer> missing = IntStream.rangeClosed(1, DATA_FIELDS).boxed()
        .filter(n -> !numbers.contains(n)).toList();
    if (!missing.isEmpty() && !numbers.isEmpty()) {
      doc.problem("fields", "the record has " + DATA_FIELDS + " numbered fields; missing numbers: " + missing);
    }
  }
}
