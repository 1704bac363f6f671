package cn.jzz.hub.query;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * The body of {@code POST /api/v1/residents/search} (see hub-api.md). Unknown properties are refused,
 * so a misspelt key never silently widens a query.
 *
 * @param filters conditions on fields, all of which must hold
 * @param tagsAll tags (or age filters 高龄/老年人/育龄妇女/儿童) that must all hold
 * @param tagsAny tags (or age filters) of which at least one must hold
 * @param age age bounds in whole years, inclusive
 * @param text words matched as a phrase in name and addresses
 * @param textFields the searchable fields {@code text} covers; default every one the caller sees clear
 * @param status register states; default 在册 only
 * @param facets fields to count by (or {@code tag_all})
 * @param page 1-based page
 * @param size items per page, 0..1000
 * @param sort sort keys; person_id breaks ties
 */
@Schema(
    example =
        """
        {"filters":[{"field":"community_code","op":"eq","value":"370811002001"},{"field":"birth_date","op":"range","value":{"lte":"1966-01-01"}}],
         "tags_all":["老年人"],"tags_any":[],"age":{"min":60,"max":null},"text":"张","status":["在册"],
         "facets":["grid_code","sex"],"page":1,"size":50,"sort":[{"field":"birth_date","order":"asc"}]}""")
public record SearchRequest(
    List<Filter> filters,
    List<String> tagsAll,
    List<String> tagsAny,
    AgeRange age,
    String text,
    List<String> textFields,
    List<String> status,
    List<String> facets,
    Integer page,
    Integer size,
    List<Sort> sort) {

  /**
   * @param field one of the 55 keys (or person_id, sources, updated_at, version)
   * @param op eq | in | range | prefix | exists
   * @param value eq/prefix: a value; in: a list; range: {gte, gt, lte, lt}; exists: true/false (default true)
   */
  public record Filter(String field, String op, Object value) {}

  public record AgeRange(Integer min, Integer max) {}

  /** @param order asc (default) or desc */
  public record Sort(String field, String order) {}

  public static SearchRequest empty() {
    return new SearchRequest(null, null, null, null, null, null, null, null, null, null, null);
  }

  public int pageOrDefault() {
    return page == null ? 1 : page;
  }

  public int sizeOrDefault() {
    return size == null ? 50 : size;
  }

  /** The same query without paging and facets (exports, audit). */
  public SearchRequest queryOnly() {
    return new SearchRequest(filters, tagsAll, tagsAny, age, text, textFields, status, null, null, null, sort);
  }
}
