package cn.jzz.hub.export;

import cn.jzz.hub.query.RequestBodies;
import cn.jzz.hub.security.AuthFilter;
import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/exports")
@Tag(name = "exports", description = "One-click export of a search to CSV or XLSX, and the scheduled exports of routes/")
public class ExportController {

  private final ExportService exports;
  private final ScheduledExports schedules;
  private final ExportTemplates templates;

  public ExportController(ExportService exports, ScheduledExports schedules, ExportTemplates templates) {
    this.exports = exports;
    this.schedules = schedules;
    this.templates = templates;
  }

  @PostMapping
  @Operation(
      summary = "Start an export of a search (asynchronous)",
      description = "202 {export_id}; poll GET /api/v1/exports/{id}. masked defaults to true; masked=false needs the unmask grant and a purpose.",
      requestBody =
          @io.swagger.v3.oas.annotations.parameters.RequestBody(
              content =
                  @Content(
                      schema = @Schema(implementation = ExportRequest.class),
                      examples = {
                        @ExampleObject(name = "template", value = "{\"tags_all\":[\"老年人\"],\"format\":\"xlsx\",\"template\":\"老年人关爱台账\"}"),
                        @ExampleObject(name = "columns, unmasked", value = "{\"filters\":[{\"field\":\"assistance_tags\",\"op\":\"eq\",\"value\":\"低保\"}],\"format\":\"csv\",\"columns\":[\"full_name\",\"id_number\",\"phone\"],\"masked\":false,\"purpose\":\"低保年审入户核查\"}")
                      })))
  public ResponseEntity<Map<String, Object>> create(@RequestBody(required = false) JsonNode body, HttpServletRequest http) {
    ExportRequest request = RequestBodies.read(body, ExportRequest.class, null);
    if (request == null) {
      throw cn.jzz.hub.api.ApiException.badRequest("MISSING_BODY", "send the query plus {\"format\":\"csv|xlsx\", \"columns\":[…] or \"template\":…}");
    }
    Map<String, Object> job = exports.create(request, AuthFilter.principal(http));
    return ResponseEntity.accepted().body(job);
  }

  @GetMapping("/schedules")
  @Operation(summary = "The scheduled exports declared in routes/: name, cron, next run, last run result")
  public List<Map<String, Object>> schedules() {
    return schedules.list();
  }

  @GetMapping("/templates")
  @Operation(summary = "The named column templates")
  public List<ExportTemplates.Template> templates() {
    return templates.all();
  }

  @GetMapping("/{id}")
  @Operation(
      summary = "Progress of an export: state queued|running|done|failed, rows_written, rows_total, error",
      description = "404 EXPORT_NOT_FOUND for an id that is not yours; 410 EXPORT_EXPIRED once the file was deleted after hub.exports.retention (export again)")
  public Map<String, Object> status(@PathVariable String id, HttpServletRequest http) {
    return exports.status(id, AuthFilter.principal(http));
  }

  @GetMapping("/{id}/file")
  @Operation(summary = "The finished file (CSV UTF-8 with BOM, or XLSX)", description = "409 EXPORT_NOT_READY until done; 410 EXPORT_EXPIRED after the retention time")
  public ResponseEntity<Resource> file(@PathVariable String id, HttpServletRequest http) {
    Path file = exports.file(id, AuthFilter.principal(http));
    boolean xlsx = file.getFileName().toString().endsWith(".xlsx");
    String name = "居民导出-" + id + (xlsx ? ".xlsx" : ".csv");
    return ResponseEntity.ok()
        .contentType(xlsx ? MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet") : new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name, java.nio.charset.StandardCharsets.UTF_8).build().toString())
        .body(new FileSystemResource(file));
  }
}
