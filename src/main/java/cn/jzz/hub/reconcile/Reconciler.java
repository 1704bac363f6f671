package cn.jzz.hub.reconcile;

import cn.jzz.hub.config.HubProperties;
import cn.jzz.hub.connector.ConnectorCatalog;
import cn.jzz.hub.connector.ConnectorCatalog.BoundConnector;
import cn.jzz.hub.connector.RawEvent;
import cn.jzz.hub.connector.RawEventPublisher;
import cn.jzz.hub.merge.GoldenRecordBuilder;
import cn.jzz.hub.merge.PersonState;
import cn.jzz.hub.normalize.Contribution;
import cn.jzz.hub.normalize.Normalizer;
import cn.jzz.hub.schema.FieldDef;
import cn.jzz.hub.schema.ResidentSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Recomputes the expected record of every person from the departmental systems and compares it with
 * the index. The expectation is built by the hub's own rules: each source is read through its
 * {@code connectors/<source>.yaml} (by the {@link SourceReader} of its type), every row goes through the
 * active mapping ({@link Normalizer}) and the contributions of a person through the merge's
 * {@link GoldenRecordBuilder}. So a reconciliation disagrees with the index only where the pipeline lost,
 * doubled or kept stale data, never because of a second copy of the rules.
 *
 * <p>Memory is bounded by reading in passes: pass k of n keeps only the persons whose id hashes to k.
 * A re-sync publishes the rows of the mismatched persons again as snapshot reads, and deletes for the
 * records the index still shows but no source holds, so the ordinary pipeline repairs them.
 */
public final class Reconciler {

  private static final Logger log = LoggerFactory.getLogger(Reconciler.class);
  private static final ZoneId LOCAL = ZoneId.of("Asia/Shanghai");
  private static final int PUBLISH_BATCH = 500;
  private static final String DERIVED = "derived";
  private static final String SOURCES = "sources";

  private final HubProperties properties;
  private final ConnectorCatalog catalog;
  private final Map<String, SourceReader> readers = new TreeMap<>();
  private final Normalizer normalizer;
  private final GoldenRecordBuilder golden;
  private final ResidentSchema schema;
  private final IndexScan index;
  private final RawEventPublisher publisher;
  private final Set<String> ignoredFields;
  private final int personsPerPass;
  private final ReconcileProgress progress = new ReconcileProgress(java.time.Clock.systemUTC());
  private final java.util.concurrent.locks.ReentrantLock running = new java.util.concurrent.locks.ReentrantLock();

  /** A reconciliation was asked for while another one is under way. */
  public static final class AlreadyRunning extends RuntimeException {
    AlreadyRunning() {
      super("a reconciliation is under way; follow it at GET /api/v1/reconcile/progress and ask again when it has finished");
    }
  }

  public Reconciler(
      HubProperties properties,
      ConnectorCatalog catalog,
      List<SourceReader> readers,
      Normalizer normalizer,
      GoldenRecordBuilder golden,
      ResidentSchema schema,
      IndexScan index,
      RawEventPublisher publisher,
      Set<String> ignoredFields,
      int personsPerPass) {
    this.properties = properties;
    this.catalog = catalog;
    readers.forEach(r -> this.readers.put(r.type(), r));
    this.normalizer = normalizer;
    this.golden = golden;
    this.schema = schema;
    this.index = index;
    this.publisher = publisher;
    this.ignoredFields = Set.copyOf(ignoredFields);
    this.personsPerPass = personsPerPass;
  }

  /**
   * @param onlySources restrict to these sources (empty: all enabled)
   * @param resync publish the mismatched persons' rows again
   * @param maxIds how many person ids to list per source
   */
  public ReconcileReport reconcile(Set<String> onlySources, boolean resync, int maxIds) {
    if (!running.tryLock()) {
      throw new AlreadyRunning();
    }
    try {
      ReconcileReport report = reconcileLocked(onlySources, resync, maxIds);
      progress.finished(report.consistent());
      return report;
    } catch (RuntimeException | Error e) {
      progress.failed();
      throw e;
    } finally {
      running.unlock();
    }
  }

  /** How far the reconciliation under way has come, or the end of the last one. */
  public ReconcileProgress.Snapshot progress() {
    return progress.snapshot();
  }

  private ReconcileReport reconcileLocked(Set<String> onlySources, boolean resync, int maxIds) {
    long started = System.nanoTime();
    List<BoundConnector<?>> connectors = new ArrayList<>();
    List<ReconcileReport.SkippedSource> skipped = new ArrayList<>();
    for (BoundConnector<?> bound : catalog.load(properties.connectorsDir())) {
      String source = bound.definition().source();
      if (!bound.definition().enabled() || (!onlySources.isEmpty() && !onlySources.contains(source))) {
        continue;
      }
      if (!readers.containsKey(bound.definition().type())) {
        skipped.add(new ReconcileReport.SkippedSource(source, "connector type '" + bound.definition().type() + "' has no reconciliation reader yet; readable types: " + readers.keySet()));
        continue;
      }
      connectors.add(bound);
    }
    int passes = passes();
    progress.started(passes);
    Map<Comparison.Kind, Long> counts = new EnumMap<>(Comparison.Kind.class);
    Map<String, long[]> perSource = new TreeMap<>();
    Map<String, TreeSet<String>> idsPerSource = new TreeMap<>();
    Map<String, Long> rowsRead = new TreeMap<>();
    Map<String, Set<String>> personsPerSource = new HashMap<>();
    Set<String> fieldsSeen = new TreeSet<>();
    long expectedSum = 0;
    long indexSum = 0;
    long expectedCount = 0;
    long indexedCount = 0;
    long consistentCount = 0;
    Set<String> republish = new HashSet<>();
    Map<String, Set<String>> withdraw = new HashMap<>();
    // sources read here that speak of persons by their own rows; zjj reaches persons only through
    // the house stage, which a reconciliation does not repeat, and unread sources are not expected
    Set<String> speaking = new HashSet<>();
    for (int pass = 0; pass < passes; pass++) {
      int k = pass;
      Predicate<String> mine = personId -> Math.floorMod(personId.hashCode(), passes) == k;
      Map<String, Map<String, Contribution>> slots = new HashMap<>();
      Set<String> keys = new TreeSet<>();
      for (BoundConnector<?> bound : connectors) {
        String source = bound.definition().source();
        long[] rows = {0};
        progress.reading(k, source);
        try {
          readers.get(bound.definition().type()).read(bound, event -> {
            rows[0]++;
            progress.rowRead();
            for (Contribution c : contributions(event)) {
              speaking.add(c.source());
              if (mine.test(c.personId())) {
                slots.computeIfAbsent(c.personId(), p -> new TreeMap<>()).put(c.slot(), c);
                c.fields().keySet().forEach(keys::add);
              }
            }
          });
        } catch (SourceReader.SourceUnreadableException e) {
          if (pass == 0) {
            skipped.add(new ReconcileReport.SkippedSource(source, e.getMessage()));
          }
          continue;
        }
        rowsRead.merge(source, rows[0], Long::sum);
      }
      List<String> fields = comparedFields(keys);
      fieldsSeen.addAll(fields);
      Map<String, PersonView> expected = expected(slots, fields);
      expected.values().forEach(v -> v.sources().forEach(s -> personsPerSource.computeIfAbsent(s, x -> new HashSet<>()).add(v.personId())));
      Comparison comparison = new Comparison(fields, expected);
      progress.scanningIndex();
      try {
        index.scan(fields, doc -> {
          progress.documentScanned();
          if (mine.test(doc.personId())) {
            comparison.indexed(speakingSourcesOnly(doc, speaking));
          }
        });
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the residents index at " + properties.elasticsearch().url() + ": " + e.getMessage(), e);
      }
      for (Comparison.Mismatch m : comparison.finish()) {
        counts.merge(m.kind(), 1L, Long::sum);
        for (String source : m.sources()) {
          long[] c = perSource.computeIfAbsent(source, s -> new long[4]);
          c[m.kind().ordinal()]++;
          idsPerSource.computeIfAbsent(source, s -> new TreeSet<>()).add(m.personId());
        }
        if (m.kind() == Comparison.Kind.missing || m.kind() == Comparison.Kind.stale) {
          republish.add(m.personId());
        }
        if (m.kind() != Comparison.Kind.missing) {
          Set<String> shown = new TreeSet<>(comparison.indexedView(m.personId()).slots());
          PersonView want = expected.get(m.personId());
          if (want != null) {
            shown.removeAll(want.slots());
          }
          shown.removeIf(slot -> slot.startsWith(DERIVED + "/"));
          if (!shown.isEmpty()) {
            withdraw.put(m.personId(), shown);
          }
        }
      }
      expectedSum += comparison.expectedChecksum();
      indexSum += comparison.indexChecksum();
      expectedCount += expected.size();
      indexedCount += comparison.indexedCount();
      consistentCount += comparison.consistentCount();
    }
    Map<String, ReconcileReport.SourceReport> sources = new TreeMap<>();
    Set<String> involved = new TreeSet<>(rowsRead.keySet());
    involved.addAll(perSource.keySet());
    for (String source : involved) {
      long[] c = perSource.getOrDefault(source, new long[4]);
      List<String> ids = idsPerSource.getOrDefault(source, new TreeSet<>()).stream().limit(maxIds).toList();
      sources.put(source, new ReconcileReport.SourceReport(rowsRead.getOrDefault(source, 0L), personsPerSource.getOrDefault(source, Set.of()).size(), c[0], c[1], c[2], c[3], ids));
    }
    Map<String, Long> mismatched = new LinkedHashMap<>();
    for (Comparison.Kind kind : Comparison.Kind.values()) {
      mismatched.put(kind.name(), counts.getOrDefault(kind, 0L));
    }
    boolean consistent = counts.isEmpty() && expectedSum == indexSum && expectedCount == indexedCount;
    ReconcileReport.Resync resyncReport = null;
    if (resync && (!republish.isEmpty() || !withdraw.isEmpty())) {
      progress.resyncing();
      resyncReport = resync(connectors, republish, withdraw);
    } else if (resync) {
      resyncReport = new ReconcileReport.Resync(0, 0, List.of());
    }
    long ms = Duration.ofNanos(System.nanoTime() - started).toMillis();
    log.info("reconcile: {} persons expected, {} indexed, {} consistent, mismatched {} in {} ms{}", expectedCount, indexedCount, consistentCount, mismatched, ms,
        resyncReport == null ? "" : "; re-sync republished " + resyncReport.republished() + " rows, withdrew " + resyncReport.withdrawn());
    return new ReconcileReport(
        Instant.now(), consistent, skipped.isEmpty(), List.copyOf(fieldsSeen), expectedCount, indexedCount, consistentCount,
        Long.toHexString(expectedSum), Long.toHexString(indexSum), mismatched, sources, skipped, resyncReport, passes, ms);
  }

  /**
   * Every person a row speaks of: none for rows of reference data only (zjj's houses), two for a row
   * with two roles. (Taking only the first once failed every reconciliation that read zjj.)
   */
  private List<Contribution> contributions(RawEvent event) {
    return normalizer.apply(event) instanceof Normalizer.Outcome.Accepted accepted ? accepted.contributions() : List.of();
  }

  /** The fields mapped by the sources that a reader of the index sees as they were mapped. */
  private List<String> comparedFields(Set<String> mapped) {
    List<String> fields = new ArrayList<>();
    fields.add("person_id");
    for (String key : mapped) {
      if (key.startsWith("_") || ignoredFields.contains(key)) {
        continue;
      }
      Optional<FieldDef> def = schema.field(key);
      if (def.isPresent() && !def.get().isTags() && !fields.contains(key)) {
        fields.add(key);
      }
    }
    if (!ignoredFields.contains("status") && !fields.contains("status")) {
      fields.add("status");
    }
    // which sources speak of a person: a withdrawn contribution whose values another source outranks
    // (a person dropped from a full dump but still registered) shows only here
    if (!ignoredFields.contains(SOURCES)) {
      fields.add(SOURCES);
    }
    return fields;
  }

  /** The indexed document with its {@code sources} cut to the ones this reconciliation can expect. */
  private static PersonView speakingSourcesOnly(PersonView doc, Set<String> read) {
    if (!(doc.fields().get(SOURCES) instanceof java.util.Collection<?> listed)) {
      return doc;
    }
    Map<String, Object> values = new LinkedHashMap<>(doc.fields());
    values.put(SOURCES, listed.stream().map(Object::toString).filter(read::contains).sorted().toList());
    return new PersonView(doc.personId(), values, doc.sources(), doc.slots());
  }

  private Map<String, PersonView> expected(Map<String, Map<String, Contribution>> slots, List<String> fields) {
    LocalDate today = LocalDate.now(LOCAL);
    Map<String, PersonView> expected = new HashMap<>(slots.size() * 2);
    slots.forEach((personId, personSlots) -> {
      Map<String, Object> doc = golden.build(new PersonState(personId, 0, personSlots, null, null), today);
      if (doc == null) {
        return;
      }
      Map<String, Object> values = new LinkedHashMap<>();
      for (String field : fields) {
        Object v = doc.get(field);
        if (v != null) {
          values.put(field, v);
        }
      }
      Set<String> sources = new TreeSet<>();
      personSlots.values().forEach(c -> sources.add(c.source()));
      expected.put(personId, new PersonView(personId, values, sources, new TreeSet<>(personSlots.keySet())));
    });
    return expected;
  }

  private int passes() {
    try {
      // the index's document count, with room for growth, stands in for the number of persons
      long persons = index.count() * 11 / 10;
      return (int) Math.max(1, (persons + personsPerPass - 1) / personsPerPass);
    } catch (IOException e) {
      return 1;
    }
  }

  private ReconcileReport.Resync resync(List<BoundConnector<?>> connectors, Set<String> republish, Map<String, Set<String>> withdraw) {
    long[] republished = {0};
    Set<String> touched = new TreeSet<>();
    for (BoundConnector<?> bound : connectors) {
      String source = bound.definition().source();
      List<RawEvent> batch = new ArrayList<>();
      Consumer<RawEvent> sink = event -> {
        if (contributions(event).stream().anyMatch(c -> republish.contains(c.personId()))) {
          batch.add(event);
          if (batch.size() >= PUBLISH_BATCH) {
            publish(batch);
            republished[0] += PUBLISH_BATCH;
            batch.clear();
          }
        }
      };
      try {
        readers.get(bound.definition().type()).read(bound, sink);
      } catch (SourceReader.SourceUnreadableException e) {
        log.warn("reconcile: re-sync skipped {}: {}", source, e.getMessage());
        continue;
      }
      if (!batch.isEmpty()) {
        publish(batch);
        republished[0] += batch.size();
      }
      if (republished[0] > 0) {
        touched.add(source);
      }
    }
    Set<String> readable = new HashSet<>();
    connectors.forEach(b -> readable.add(b.definition().source()));
    List<RawEvent> deletes = new ArrayList<>();
    Instant now = Instant.now();
    for (Set<String> slots : withdraw.values()) {
      for (String slot : slots) {
        int slash = slot.indexOf('/');
        String source = slot.substring(0, slash);
        String recordKey = slot.substring(slash + 1);
        int colon = recordKey.indexOf(':');
        if (!readable.contains(source) || colon < 0) {
          continue;
        }
        deletes.add(new RawEvent(source, recordKey.substring(0, colon), "d", recordKey.substring(colon + 1), null, null, now, "reconcile"));
        touched.add(source);
      }
    }
    for (int i = 0; i < deletes.size(); i += PUBLISH_BATCH) {
      publish(deletes.subList(i, Math.min(deletes.size(), i + PUBLISH_BATCH)));
    }
    return new ReconcileReport.Resync(republished[0], deletes.size(), List.copyOf(touched));
  }

  private void publish(List<RawEvent> batch) {
    try {
      publisher.publish(List.copyOf(batch));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while re-publishing", e);
    }
  }
}
