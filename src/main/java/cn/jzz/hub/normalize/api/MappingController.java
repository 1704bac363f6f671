package cn.jzz.hub.normalize.api;

import cn.jzz.hub.api.ApiException;
import cn.jzz.hub.connector.RawEvent;
import cn.jzz.hub.normalize.CompiledMapping;
import cn.jzz.hub.normalize.Contribution;
import cn.jzz.hub.normalize.MappingCompiler;
import cn.jzz.hub.normalize.MappingRegistry;
import cn.jzz.hub.normalize.Normalizer;
import cn.jzz.hub.normalize.ReferenceRecord;
import cn.jzz.hub.normalize.YamlLocator;
import cn.jzz.hub.support.Json;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The mapping API of hub-api.md (admin only): list, read, validate, preview, activate a new version,
 * and replay a source's retained raw events under the active version. A mapping body is YAML text
 * ({@code text/plain}, {@code application/yaml}) or a JSON string.
 */
@RestController
@RequestMapping("/api/v1/mappings")
public class MappingController {

  private static final int MAX_PREVIEW_RECORDS = 1000;

  private final MappingRegistry registry;
  private final Normalizer normalizer;
  private final RawReplayer replayer;

  public MappingController(MappingRegistry registry, Normalizer normalizer, RawReplayer replayer) {
    this.registry = registry;
    this.normalizer = normalizer;
    this.replayer = replayer;
  }

  @GetMapping
  public List<Map<String, Object>> list(HttpServletRequest request) {
    AdminGuard.requireAdmin(request);
    List<Map<String, Object>> out = new ArrayList<>();
    for (String source : registry.sources()) {
      CompiledMapping m = registry.active(source);
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("source", source);
      item.put("version", m.version());
      item.put("versions", registry.versions(source));
      item.put("entities", new ArrayList<>(new java.util.TreeSet<>(m.entityNames())));
      out.add(item);
    }
    return out;
  }

  @GetMapping("/{source}")
  public Map<String, Object> get(@PathVariable String source, HttpServletRequest request) {
    AdminGuard.requireAdmin(request);
    CompiledMapping m = active(source);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("source", source);
    out.put("version", m.version());
    out.put("versions", registry.versions(source));
    out.put("yaml", m.yaml());
    return out;
  }

  @PostMapping(value = "/{source}/validate", consumes = {MediaType.TEXT_PLAIN_VALUE, "application/yaml", "application/x-yaml", MediaType.APPLICATION_JSON_VALUE})
  public Map<String, Object> validate(
      @PathVariable String source, @RequestBody String body, @RequestHeader(value = "Content-Type", required = false) String contentType, HttpServletRequest request) {
    AdminGuard.requireAdmin(request);
    String yaml = yamlOf(body, contentType);
    MappingCompiler.Result result = registry.validate(source, yaml);
    return validation(yaml, result);
  }

  @PostMapping(value = "/{source}/preview", consumes = MediaType.APPLICATION_JSON_VALUE)
  public Map<String, Object> preview(@PathVariable String source, @RequestBody JsonNode body, HttpServletRequest request) {
    AdminGuard.requireAdmin(request);
    JsonNode records = body.path("records");
    if (!records.isArray()) {
      throw ApiException.badRequest("INVALID_REQUEST", "send {\"mapping\": <yaml or null for the active one>, \"records\": [<raw rows>]}");
    }
    if (records.size() > MAX_PREVIEW_RECORDS) {
      throw new ApiException(HttpStatus.PAYLOAD_TOO_LARGE, "TOO_MANY_RECORDS", "preview at most " + MAX_PREVIEW_RECORDS + " records at a time");
    }
    List<String> shapeProblems = new ArrayList<>();
    for (int i = 0; i < records.size(); i++) {
      JsonNode record = records.get(i);
      if (!record.isObject()) {
        shapeProblems.add("records[" + i + "] is " + record.getNodeType().name().toLowerCase() + ", not an object: send a raw row {\"column\": value, …} or {\"entity\": …, \"row\": {…}}");
        continue;
      }
      for (String wrapper : List.of("row", "after")) {
        JsonNode inner = record.get(wrapper);
        if (inner != null && !inner.isNull() && !inner.isObject()) {
          shapeProblems.add("records[" + i + "]." + wrapper + " is " + inner.getNodeType().name().toLowerCase() + ", not an object of columns");
        }
      }
    }
    if (!shapeProblems.isEmpty()) {
      throw ApiException.badRequest("INVALID_REQUEST", shapeProblems.size() + " record(s) cannot be previewed: " + String.join("; ", shapeProblems));
    }
    CompiledMapping mapping;
    Map<String, Object> out = new LinkedHashMap<>();
    JsonNode candidate = body.path("mapping");
    if (candidate.isTextual()) {
      safe(candidate.asText());
      MappingCompiler.Result result = registry.validate(source, candidate.asText());
      if (!result.valid()) {
        out.putAll(validation(candidate.asText(), result));
        out.put("records", List.of());
        return out;
      }
      mapping = result.mapping();
    } else {
      mapping = active(source);
    }
    out.put("valid", true);
    out.put("mapping_version", mapping.version());
    List<Map<String, Object>> results = new ArrayList<>();
    for (int i = 0; i < records.size(); i++) {
      results.add(previewOne(source, mapping, records.get(i), i));
    }
    out.put("records", results);
    return out;
  }

  private Map<String, Object> previewOne(String source, CompiledMapping mapping, JsonNode record, int index) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("index", index);
    boolean wrapped = record.has("row") || record.has("after") || record.has("entity");
    String entity = record.path("entity").asText(null);
    if (entity == null && mapping.entityNames().size() == 1) {
      entity = mapping.entityNames().iterator().next();
    }
    if (entity == null) {
      out.put("outcome", "invalid");
      out.put("problems", List.of("name the entity: {\"entity\": one of " + mapping.entityNames() + ", \"row\": {...}}"));
      return out;
    }
    JsonNode rowNode = !wrapped ? record : record.has("row") ? record.get("row") : record.get("after");
    @SuppressWarnings("unchecked")
    Map<String, Object> row = rowNode == null || rowNode.isNull() ? null : Json.MAPPER.convertValue(rowNode, Map.class);
    String op = record.path("op").asText("r");
    RawEvent event = new RawEvent(source, entity, op, record.path("key").asText(String.valueOf(index)), op.equals("d") ? null : row,
        op.equals("d") ? row : null, Instant.now(), "preview");
    out.put("entity", entity);
    Normalizer.Outcome outcome = normalizer.apply(event, mapping);
    if (outcome instanceof Normalizer.Outcome.Accepted a) {
      out.put("outcome", "accepted");
      List<Map<String, Object>> contributions = new ArrayList<>();
      List<String> problems = new ArrayList<>();
      for (Contribution c : a.contributions()) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("person_id", c.personId());
        m.put("role", c.role());
        m.put("fields", c.fields());
        m.put("tags", c.tags());
        m.put("quality", c.quality());
        problems.addAll(c.quality());
        contributions.add(m);
      }
      out.put("contributions", contributions);
      List<Map<String, Object>> references = new ArrayList<>();
      for (ReferenceRecord r : a.references()) {
        references.add(Map.of("kind", r.kind(), "code", r.code(), "fields", r.fields()));
      }
      out.put("references", references);
      out.put("problems", problems);
    } else if (outcome instanceof Normalizer.Outcome.Rejected r) {
      out.put("outcome", "quarantined");
      out.put("reason", r.reason());
      out.put("problems", List.of(r.message()));
    } else if (outcome instanceof Normalizer.Outcome.Filtered f) {
      out.put("outcome", "filtered");
      out.put("rule", f.rule());
      out.put("problems", List.of());
    } else {
      out.put("outcome", "deleted");
      out.put("problems", List.of());
    }
    return out;
  }

  @PutMapping(value = "/{source}", consumes = {MediaType.TEXT_PLAIN_VALUE, "application/yaml", "application/x-yaml", MediaType.APPLICATION_JSON_VALUE})
  public Map<String, Object> activate(
      @PathVariable String source, @RequestBody String body, @RequestHeader(value = "Content-Type", required = false) String contentType, HttpServletRequest request) {
    AdminGuard.requireAdmin(request);
    active(source);
    String yaml = yamlOf(body, contentType);
    MappingCompiler.Result result = registry.activate(source, yaml);
    if (!result.valid()) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "INVALID_MAPPING",
          "the mapping has " + result.problems().size() + " problem(s); the active version is unchanged; see details", located(yaml, result));
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("source", source);
    out.put("version", result.mapping().version());
    out.put("versions", registry.versions(source));
    out.put("active", true);
    return out;
  }

  @PostMapping("/{source}/replay")
  public ResponseEntity<RawReplayer.Progress> replay(@PathVariable String source, HttpServletRequest request) {
    AdminGuard.requireAdmin(request);
    active(source);
    return ResponseEntity.accepted().body(replayer.start(source));
  }

  @GetMapping("/{source}/replay")
  public RawReplayer.Progress replayProgress(@PathVariable String source, HttpServletRequest request) {
    AdminGuard.requireAdmin(request);
    active(source);
    return replayer.progress(source);
  }

  private CompiledMapping active(String source) {
    CompiledMapping m = registry.active(source);
    if (m == null) {
      throw new ApiException(HttpStatus.NOT_FOUND, "UNKNOWN_SOURCE", "no mapping for source '" + source + "'; known: " + registry.sources());
    }
    return m;
  }

  private static String yamlOf(String body, String contentType) {
    if (body == null || body.isBlank()) {
      throw ApiException.badRequest("EMPTY_MAPPING", "send the mapping YAML as the request body (text/plain or application/yaml, or a JSON string)");
    }
    if (contentType != null && contentType.startsWith(MediaType.APPLICATION_JSON_VALUE)) {
      try {
        JsonNode node = Json.MAPPER.readTree(body);
        if (!node.isTextual()) {
          throw ApiException.badRequest("INVALID_REQUEST", "with Content-Type application/json the body is a JSON string holding the YAML");
        }
        return safe(node.asText());
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw ApiException.badRequest("MALFORMED_BODY", "the body is not a JSON string; send YAML as text/plain instead");
      }
    }
    return safe(body);
  }

  private static String safe(String yaml) {
    cn.jzz.hub.support.Yaml.refusal(yaml).ifPresent(why -> {
      throw ApiException.badRequest("UNSAFE_YAML", "the mapping is refused unread: " + why);
    });
    return yaml;
  }

  private static Map<String, Object> validation(String yaml, MappingCompiler.Result result) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("valid", result.valid());
    out.put("problems", located(yaml, result));
    return out;
  }

  private static List<Map<String, Object>> located(String yaml, MappingCompiler.Result result) {
    List<Map<String, Object>> problems = new ArrayList<>();
    for (YamlLocator.LocatedProblem p : YamlLocator.locate(yaml, result.problems())) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("path", p.path());
      m.put("line", p.line());
      m.put("message", p.message());
      problems.add(m);
    }
    return problems;
  }
}
