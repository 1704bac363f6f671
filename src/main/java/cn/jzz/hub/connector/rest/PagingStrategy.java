package cn.jzz.hub.connector.rest;

import cn.jzz.hub.connector.IngestException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** How an API splits a result into pages, and how its answers look. */
interface PagingStrategy {

  /** One page of an answer; {@code next} is null after the last page. */
  record Page(List<JsonNode> rows, long total, Integer next) {}

  /** The first page's cursor. */
  int first();

  Map<String, String> params(int cursor, int size);

  /** Reads an answer with HTTP 2xx; a refusal inside the envelope throws. */
  Page parse(String source, JsonNode body, int cursor, int size);

  static PagingStrategy of(String type) {
    return "offset".equals(type) ? new Offset() : new PageNumber();
  }

  /** {@code offset=&limit=} → {@code {items, total, nextOffset}}. */
  final class Offset implements PagingStrategy {
    @Override
    public int first() {
      return 0;
    }

    @Override
    public Map<String, String> params(int cursor, int size) {
      Map<String, String> params = new LinkedHashMap<>();
      params.put("offset", String.valueOf(cursor));
      params.put("limit", String.valueOf(size));
      return params;
    }

    @Override
    public Page parse(String source, JsonNode body, int cursor, int size) {
      JsonNode items = body.path("items");
      if (!items.isArray()) {
        throw IngestException.permanent(source, "fetch", "the answer has no items array; is paging.type offset right for this API?");
      }
      List<JsonNode> rows = new ArrayList<>();
      items.forEach(rows::add);
      long total = body.path("total").asLong(rows.size());
      JsonNode nextOffset = body.path("nextOffset");
      Integer next = nextOffset.isNumber() && nextOffset.asInt() > cursor && nextOffset.asInt() < total && !rows.isEmpty() ? nextOffset.asInt() : null;
      return new Page(rows, total, next);
    }
  }

  /** {@code PAGE=&PAGENUM=} → {@code {code, msg, data:{total, page, pageSize, rows}}}. */
  final class PageNumber implements PagingStrategy {
    @Override
    public int first() {
      return 1;
    }

    @Override
    public Map<String, String> params(int cursor, int size) {
      Map<String, String> params = new LinkedHashMap<>();
      params.put("PAGE", String.valueOf(cursor));
      params.put("PAGENUM", String.valueOf(size));
      return params;
    }

    @Override
    public Page parse(String source, JsonNode body, int cursor, int size) {
      JsonNode data = body.path("data");
      JsonNode rowsNode = data.path("rows");
      if (!rowsNode.isArray()) {
        throw IngestException.permanent(source, "fetch", "the answer has no data.rows array; is paging.type page right for this API?");
      }
      List<JsonNode> rows = new ArrayList<>();
      rowsNode.forEach(rows::add);
      long total = data.path("total").asLong(rows.size());
      Integer next = rows.isEmpty() || (long) cursor * size >= total ? null : cursor + 1;
      return new Page(rows, total, next);
    }
  }
}
