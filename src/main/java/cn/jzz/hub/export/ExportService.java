package cn.jzz.hub.export;

import cn.jzz.hub.api.ApiException;
import cn.jzz.hub.query.FacetLabels;
import cn.jzz.hub.query.ResidentSearchService;
import cn.jzz.hub.query.SearchRequest;
import cn.jzz.hub.schema.ExportHeaders;
import cn.jzz.hub.schema.ResidentSchema;
import cn.jzz.hub.security.AuditEvent;
import cn.jzz.hub.security.AuditLog;
import cn.jzz.hub.security.CallerView;
import cn.jzz.hub.security.FieldProtection;
import cn.jzz.hub.security.Principal;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;

/**
 * Export jobs: checked like a search, then streamed from a point-in-time ({@link ExportPages}) into CSV
 * or XLSX through {@link FieldProtection}, decided once per column ({@link ExportColumns}). Jobs belong
 * to their creator; finished files are deleted after the retention time ({@link ExportRetention}).
 */
public final class ExportService implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ExportService.class);
  static final int BATCH = 1000;
  static final String KEEP_ALIVE = "2m";

  private final ElasticsearchClient client;
  private final String alias;
  private final ResidentSchema schema;
  private final ResidentSearchService search;
  private final FieldProtection protection;
  private final FacetLabels labels;
  private final ExportHeaders headers;
  private final ExportTemplates templates;
  private final AuditLog audit;
  private final ExportProperties properties;
  private final Path dir;
  private final Clock clock;
  private final int maxRowsPerSheet;
  private final Map<String, ExportJob> jobs = new ConcurrentHashMap<>();
  private final ExecutorService workers;
  private final ExecutorService fetcher;
  private final ExportRetention retention;
  private final ScheduledExecutorService janitor = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "export.retention"));
  private final SecureRandom random = new SecureRandom();

  public ExportService(
      ElasticsearchClient client,
      String alias,
      ResidentSchema schema,
      ResidentSearchService search,
      FieldProtection protection,
      FacetLabels labels,
      ExportTemplates templates,
      AuditLog audit,
      ExportProperties properties,
      Path dir,
      Clock clock,
      int maxRowsPerSheet) {
    this.client = client;
    this.alias = alias;
    this.schema = schema;
    this.search = search;
    this.protection = protection;
    this.labels = labels;
    this.headers = ExportHeaders.of(schema);
    this.templates = templates;
    this.audit = audit;
    this.properties = properties;
    this.dir = dir;
    this.clock = clock;
    this.maxRowsPerSheet = maxRowsPerSheet;
    this.workers = Executors.newFixedThreadPool(Math.max(1, properties.concurrency()), r -> daemon(r, "export.worker"));
    this.fetcher = Executors.newFixedThreadPool(Math.max(1, properties.concurrency()) + 1, r -> daemon(r, "export.fetch"));
    this.retention = new ExportRetention(dir, properties.retention(), clock);
    // The first sweep at once: files left from before a restart are not kept longer than the retention.
    janitor.execute(() -> retention.sweep(jobs, true));
    long every = properties.sweepInterval().toMillis();
    janitor.scheduleWithFixedDelay(this::deleteExpired, every, every, TimeUnit.MILLISECONDS);
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  /** A checked export: what to query, which columns, whether masked. */
  record Plan(ResidentSearchService.Compiled compiled, List<String> columns, List<String> omitted, boolean unmasked, String format, String purpose, Map<String, Object> auditQuery) {}

  /** Checks the request for the principal (400/403 on problems). */
  Plan plan(ExportRequest request, Principal principal) {
    if (!principal.may("export")) {
      throw new ApiException(HttpStatus.FORBIDDEN, "FORBIDDEN", "this API key has no scope 'export'");
    }
    CallerView view = protection.view(principal);
    String format = request.format() == null ? "csv" : request.format();
    if (!format.equals("csv") && !format.equals("xlsx")) {
      throw ApiException.badRequest("INVALID_FORMAT", "format is csv or xlsx");
    }
    List<String> wanted;
    boolean fromTemplate = request.template() != null;
    if (fromTemplate && request.columns() != null) {
      throw ApiException.badRequest("COLUMNS_AND_TEMPLATE", "give either columns or template, not both");
    }
    if (fromTemplate) {
      wanted =
          templates.get(request.template())
              .orElseThrow(() -> ApiException.badRequest("UNKNOWN_TEMPLATE", "no template '" + request.template() + "'; known: " + templates.all().stream().map(ExportTemplates.Template::name).toList()))
              .columns();
    } else if (request.columns() != null && !request.columns().isEmpty()) {
      wanted = request.columns();
    } else {
      wanted = headers.keys();
    }
    List<String> columns = new ArrayList<>();
    List<String> omitted = new ArrayList<>();
    List<Map<String, String>> bad = new ArrayList<>();
    for (int i = 0; i < wanted.size(); i++) {
      String key = wanted.get(i);
      if (!ExportTemplates.isColumn(schema, key)) {
        bad.add(Map.of("path", "columns[" + i + "]", "message", "'" + key + "' is not one of the 55 field keys or person_id"));
      } else if (!key.equals("person_id") && !view.shows(key)) {
        if (!fromTemplate && request.columns() != null) {
          throw new ApiException(HttpStatus.FORBIDDEN, "FIELD_NOT_PERMITTED", "column '" + key + "' is sensitive or restricted and your role may not export it");
        }
        omitted.add(key);
      } else {
        columns.add(key);
      }
    }
    if (!bad.isEmpty()) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "INVALID_COLUMNS", bad.get(0).get("message"), bad);
    }
    if (wanted.size() > 200) {
      throw ApiException.badRequest("INVALID_COLUMNS", "at most 200 columns");
    }
    boolean unmasked = !request.maskedOrDefault();
    if (unmasked) {
      if (!protection.mayUnmask(view)) {
        throw new ApiException(HttpStatus.FORBIDDEN, "UNMASK_NOT_PERMITTED", "your role may not export unmasked data; leave masked true");
      }
      if (request.purpose() == null || request.purpose().strip().length() < 4) {
        throw ApiException.badRequest("PURPOSE_REQUIRED", "an unmasked export needs a purpose (at least 4 characters), kept in the audit");
      }
    }
    SearchRequest query = request.query();
    ResidentSearchService.Compiled compiled = search.compileFor(query, principal);
    Map<String, Object> auditQuery = new LinkedHashMap<>(ResidentSearchService.auditQuery(query));
    auditQuery.put("format", format);
    auditQuery.put("columns", columns);
    auditQuery.put("masked", !unmasked);
    return new Plan(compiled, columns, omitted, unmasked, format, unmasked ? request.purpose().strip() : null, auditQuery);
  }

  /** Queues an export; answers at once with the job. */
  public Map<String, Object> create(ExportRequest request, Principal principal) {
    Plan plan = plan(request, principal);
    long pending = jobs.values().stream().filter(j -> j.owner.equals(principal.ownerKey()) && (j.state == ExportJob.State.queued || j.state == ExportJob.State.running)).count();
    if (pending >= properties.maxPendingPerUser()) {
      throw new ApiException(HttpStatus.TOO_MANY_REQUESTS, "TOO_MANY_EXPORTS", "you have " + pending + " exports queued or running; wait for them to finish");
    }
    String id = "x" + HexFormat.of().formatHex(bytes(16));
    ExportJob job = new ExportJob(id, principal.ownerKey(), plan.format(), clock.instant(), plan.omitted());
    jobs.put(id, job);
    audit.record(principal, new AuditEvent("exports.create", "allowed", 202, plan.auditQuery(), null, null, plan.purpose(), id, plan.omitted().isEmpty() ? null : "omitted " + plan.omitted()));
    workers.submit(() -> {
      try {
        Path file = dir.resolve(id + "." + plan.format());
        run(job, plan, principal, file);
        job.file = file;
        job.state = ExportJob.State.done;
      } catch (Exception e) {
        fail(job, e);
      } finally {
        job.finished = clock.instant();
        auditFinished(principal, job, plan);
      }
    });
    return job.view();
  }

  private byte[] bytes(int n) {
    byte[] b = new byte[n];
    random.nextBytes(b);
    return b;
  }

  private void fail(ExportJob job, Exception e) {
    job.state = ExportJob.State.failed;
    job.error = e instanceof ApiException api ? api.getMessage() : "the export failed: the search index or the disk did not answer; try again";
    log.warn("export {} failed: {}", job.id, e.toString());
  }

  private void auditFinished(Principal principal, ExportJob job, Plan plan) {
    try {
      audit.record(principal, new AuditEvent("exports.finished", job.state == ExportJob.State.done ? "allowed" : "failed", 0, plan.auditQuery(), null, job.rowsWritten.get(), plan.purpose(), job.id, job.error));
    } catch (RuntimeException e) {
      log.error("export {}: the audit entry of its end could not be written", job.id);
    }
  }

  /**
   * Runs an export now, in this thread, into {@code target} (written beside it, then moved into place);
   * for scheduled exports.
   *
   * @return rows written
   */
  long runNow(ExportRequest request, Principal principal, Path target, String name) throws Exception {
    Plan plan = plan(request, principal);
    ExportJob job = new ExportJob(name, principal.ownerKey(), plan.format(), clock.instant(), plan.omitted());
    try {
      run(job, plan, principal, target);
      job.state = ExportJob.State.done;
    } catch (Exception e) {
      fail(job, e);
      throw e;
    } finally {
      job.finished = clock.instant();
      auditFinished(principal, job, plan);
    }
    return job.rowsWritten.get();
  }

  private void run(ExportJob job, Plan plan, Principal principal, Path target) throws Exception {
    job.state = ExportJob.State.running;
    Files.createDirectories(target.toAbsolutePath().getParent());
    Path part = target.resolveSibling(target.getFileName() + ".part");
    ExportColumns columns = ExportColumns.of(plan.columns(), schema, headers, protection, labels, protection.view(principal), plan.unmasked());
    try (ExportPages pages = new ExportPages(client, alias, plan.compiled(), columns.keys(), BATCH, KEEP_ALIVE, fetcher)) {
      List<Hit<Map>> hits = pages.next();
      job.rowsTotal = Math.max(0, pages.total());
      try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(part), 1 << 16);
          ExportWriter writer = plan.format().equals("xlsx") ? new XlsxExportWriter(out, maxRowsPerSheet, job.rowsTotal) : new CsvExportWriter(out)) {
        writer.header(columns.headers());
        // One array for every row: the writers copy what they keep.
        String[] cells = new String[columns.size()];
        List<String> row = Arrays.asList(cells);
        for (; !hits.isEmpty(); hits = pages.next()) {
          for (Hit<Map> hit : hits) {
            @SuppressWarnings("unchecked")
            Map<String, Object> source = hit.source() == null ? Map.of() : hit.source();
            columns.cells(source, cells);
            writer.row(row);
            job.rowsWritten.incrementAndGet();
          }
        }
        writer.finish(new ExportWriter.Watermark(principal.username(), ZonedDateTime.now(clock.withZone(ResidentSearchService.LOCAL)).toOffsetDateTime().toString(), job.rowsWritten.get(), !plan.unmasked(), job.id, plan.purpose()));
      }
    } catch (Exception e) {
      Files.deleteIfExists(part);
      throw e;
    }
    Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /** The job as its owner sees it; 404 for anyone else, as for an unknown id; 410 once expired. */
  public Map<String, Object> status(String id, Principal principal) {
    return owned(id, principal).view();
  }

  /** The finished file of a job (its owner only). */
  public Path file(String id, Principal principal) {
    ExportJob job = owned(id, principal);
    if (job.state != ExportJob.State.done || job.file == null) {
      throw new ApiException(HttpStatus.CONFLICT, "EXPORT_NOT_READY", "the export is " + job.state + "; poll GET /api/v1/exports/" + id + " until state is done");
    }
    if (!Files.exists(job.file)) {
      throw expired(id, job.finished);
    }
    audit.record(principal, new AuditEvent("exports.file", "allowed", 200, null, null, job.rowsWritten.get(), null, id, null));
    return job.file;
  }

  public String format(String id) {
    ExportJob job = jobs.get(id);
    return job == null ? "csv" : job.format;
  }

  private ExportJob owned(String id, Principal principal) {
    ExportJob job = id == null ? null : jobs.get(id);
    if (job == null || !job.owner.equals(principal.ownerKey())) {
      ExportRetention.Expired gone = id == null ? null : retention.expired(id, principal.ownerKey());
      if (gone != null) {
        throw expired(id, gone.finished());
      }
      throw new ApiException(HttpStatus.NOT_FOUND, "EXPORT_NOT_FOUND", "no export with this id is yours; exports are kept for " + retention.retention() + " after they finish");
    }
    return job;
  }

  private ApiException expired(String id, Instant finished) {
    return new ApiException(
        HttpStatus.GONE,
        "EXPORT_EXPIRED",
        "export " + id + " finished at " + finished + " and its file was deleted after the retention time of " + retention.retention() + "; export again with POST /api/v1/exports",
        List.of(Map.of("export_id", id, "finished_at", String.valueOf(finished), "retention", retention.retention().toString())));
  }

  /** Deletes finished jobs and their files after the retention time, and left-over files as old. */
  void deleteExpired() {
    retention.sweep(jobs, false);
  }

  @Override
  public void close() {
    workers.shutdownNow();
    fetcher.shutdownNow();
    janitor.shutdownNow();
  }
}
