package cn.jzz.hub.query;

import java.util.List;

/** The body of {@code POST /api/v1/residents/search} (see hub-api.md). */
public record SearchRequest(
    List<Filter> filters,
    List<String> tagsAll,
    List<String> tagsAny,
    AgeRange age,
    String text,
    List<String> status,
    List<String> facets,
    Integer page,
    Integer size,
    List<Sort> sort) {

  public record Filter(String field, String op, Object value) {}

  public record AgeRange(Integer min, Integer max) {}

  public record Sort(String field, String order) {}

  public int pageOrDefault() {
    return page == null ? 1 : page;
  }

  public int sizeOrDefault() {
    return size == null ? 50 : size;
  }
}
