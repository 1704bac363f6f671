package cn.jzz.hub.export;

import cn.jzz.hub.query.ResidentSearchService;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hits of an export, page by page from a point-in-time with {@code search_after} (a consistent
 * snapshot, no 10 000 limit). While the caller writes one page the next is already being fetched on
 * {@code fetcher}: exactly one page ahead, so memory stays two pages whatever the export's size, and
 * the file is written while Elasticsearch works instead of after it. Only the exported fields' {@code
 * _source} is asked for.
 */
final class ExportPages implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ExportPages.class);

  private final ElasticsearchClient client;
  private final ResidentSearchService.Compiled compiled;
  private final List<String> fields;
  private final int pageSize;
  private final String keepAlive;
  private final ExecutorService fetcher;
  private final String pit;
  private Future<List<Hit<Map>>> pending;
  private volatile long total = -1;

  ExportPages(ElasticsearchClient client, String alias, ResidentSearchService.Compiled compiled, List<String> fields, int pageSize, String keepAlive, ExecutorService fetcher)
      throws IOException {
    this.client = client;
    this.compiled = compiled;
    this.fields = List.copyOf(fields);
    this.pageSize = pageSize;
    this.fetcher = fetcher;
    this.keepAlive = keepAlive;
    this.pit = client.openPointInTime(o -> o.index(alias).keepAlive(k -> k.time(keepAlive))).id();
    this.pending = fetcher.submit(() -> fetch(null));
  }

  /** Hits matching at the point-in-time; known once the first page arrived. */
  long total() {
    return total;
  }

  /** The next page; empty at the end. Starts fetching the page after it before answering. */
  List<Hit<Map>> next() throws IOException, InterruptedException {
    if (pending == null) {
      return List.of();
    }
    List<Hit<Map>> page;
    try {
      page = pending.get();
    } catch (ExecutionException e) {
      pending = null;
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IOException(e.getCause());
    }
    if (page.size() < pageSize) {
      pending = null;
    } else {
      List<FieldValue> after = page.get(page.size() - 1).sort();
      pending = fetcher.submit(() -> fetch(after));
    }
    return page;
  }

  private List<Hit<Map>> fetch(List<FieldValue> after) throws IOException {
    SearchResponse<Map> response =
        client.search(
            s -> {
              s.pit(p -> p.id(pit).keepAlive(k -> k.time(keepAlive)))
                  .query(compiled.query())
                  .size(pageSize)
                  .sort(compiled.sort())
                  .source(src -> src.filter(f -> f.includes(fields)))
                  .trackTotalHits(t -> t.enabled(after == null));
              if (after != null) {
                s.searchAfter(after);
              }
              return s;
            },
            Map.class);
    if (after == null && response.hits().total() != null) {
      total = response.hits().total().value();
    }
    return response.hits().hits();
  }

  @Override
  public void close() {
    if (pending != null) {
      pending.cancel(true);
    }
    try {
      client.closePointInTime(c -> c.id(pit));
    } catch (IOException | RuntimeException e) {
      log.debug("closing an export's point-in-time failed; it expires by itself");
    }
  }
}
