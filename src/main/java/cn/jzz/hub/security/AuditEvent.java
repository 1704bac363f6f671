package cn.jzz.hub.security;

import java.util.Map;

/**
 * One read or attempt, as the audit keeps it.
 *
 * @param action what was done: {@code residents.search}, {@code residents.view}, {@code residents.lookup},
 *     {@code exports.create}, {@code exports.file}, {@code exports.scheduled}, {@code audit.search},
 *     {@code auth.token}, or {@code <METHOD> <path>} for a refused request
 * @param outcome {@code allowed}, {@code denied} (401/403/404/429 and refused input) or {@code failed}
 * @param status the HTTP status answered (0 for scheduled runs)
 * @param query the query as sent (filters, tags, text …), never an ID number
 * @param personId the person concerned, if one
 * @param rows how many records were returned or written
 * @param purpose the stated purpose (unmasked exports)
 * @param exportId the export job, if one
 * @param detail a short explanation (error code, omitted columns …)
 */
public record AuditEvent(
    String action, String outcome, int status, Map<String, Object> query, String personId, Long rows, String purpose, String exportId, String detail) {

  public static AuditEvent allowed(String action, Map<String, Object> query, Long rows) {
    return new AuditEvent(action, "allowed", 200, query, null, rows, null, null, null);
  }

  public AuditEvent withPerson(String id) {
    return new AuditEvent(action, outcome, status, query, id, rows, purpose, exportId, detail);
  }

  public AuditEvent withExport(String id, String why) {
    return new AuditEvent(action, outcome, status, query, personId, rows, why, id, detail);
  }

  public AuditEvent withOutcome(String newOutcome, int newStatus, String newDetail) {
    return new AuditEvent(action, newOutcome, newStatus, query, personId, rows, purpose, exportId, newDetail);
  }
}
