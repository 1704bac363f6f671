package cn.jzz.hub.reconcile;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The answer of {@code POST /api/v1/reconcile}: how the index compares with what the departmental
 * systems say now. Persons are named by person_id only, never by ID number.
 *
 * @param consistent every expected person is indexed with the expected values, and nothing else is
 * @param complete every enabled source could be read (otherwise {@code skipped_sources} says why)
 * @param fields the compared fields: those the mappings define (tags and house-derived facts excluded)
 * @param expectedChecksum order-independent checksum of the expected records' compared fields (hex)
 * @param indexChecksum the same over the index; equal checksums with equal counts mean equal content
 * @param mismatched persons per kind: missing, stale, unexpected, doubled
 * @param sources per source: rows read and the mismatched persons it is involved in
 * @param resync what a re-sync republished, when one was asked for
 */
public record ReconcileReport(
    Instant checkedAt,
    boolean consistent,
    boolean complete,
    List<String> fields,
    long personsExpected,
    long personsIndexed,
    long personsConsistent,
    String expectedChecksum,
    String indexChecksum,
    Map<String, Long> mismatched,
    Map<String, SourceReport> sources,
    List<SkippedSource> skippedSources,
    Resync resync,
    int passes,
    long durationMs) {

  /**
   * @param personIds the mismatched persons (first {@code max_ids} of them, sorted)
   */
  public record SourceReport(long rowsRead, long persons, long missing, long stale, long unexpected, long doubled, List<String> personIds) {}

  public record SkippedSource(String source, String reason) {}

  /**
   * @param republished raw rows published again (as snapshot reads) for missing and stale persons
   * @param withdrawn deletes published for records the index still shows but the source no longer holds
   */
  public record Resync(long republished, long withdrawn, List<String> sources) {}
}
