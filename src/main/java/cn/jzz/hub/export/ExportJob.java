package cn.jzz.hub.export;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** One export: its owner, its progress and, when done, its file. */
final class ExportJob {

  enum State {
    queued,
    running,
    done,
    failed
  }

  final String id;
  final String owner;
  final String format;
  final Instant created;
  final List<String> omittedColumns;
  final AtomicLong rowsWritten = new AtomicLong();
  volatile long rowsTotal = -1;
  volatile State state = State.queued;
  volatile String error;
  volatile Path file;
  volatile Instant finished;

  ExportJob(String id, String owner, String format, Instant created, List<String> omittedColumns) {
    this.id = id;
    this.owner = owner;
    this.format = format;
    this.created = created;
    this.omittedColumns = List.copyOf(omittedColumns);
  }

  Map<String, Object> view() {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("export_id", id);
    v.put("state", state.name());
    v.put("format", format);
    v.put("rows_written", rowsWritten.get());
    v.put("rows_total", rowsTotal < 0 ? null : rowsTotal);
    v.put("error", error);
    v.put("created_at", created.toString());
    v.put("finished_at", finished == null ? null : finished.toString());
    v.put("omitted_columns", omittedColumns);
    if (state == State.done) {
      v.put("file", "/api/v1/exports/" + id + "/file");
    }
    return v;
  }
}
