package cn.jzz.hub.export;

import cn.jzz.hub.query.SearchRequest;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * The body of {@code POST /api/v1/exports}: the search query (without paging and facets) plus what to
 * write.
 *
 * @param format csv or xlsx
 * @param columns field keys in order (or person_id); or give {@code template}
 * @param template a named column template of schemas/export-templates.yaml
 * @param masked default true: M fields masked even where the caller's view has them clear; false
 *     needs a role that sees some M field clear, and a purpose
 * @param purpose why an unmasked export is needed (kept in the audit)
 */
@Schema(example = "{\"filters\":[{\"field\":\"community_code\",\"op\":\"eq\",\"value\":\"370811002001\"}],\"tags_all\":[\"老年人\"],\"format\":\"xlsx\",\"template\":\"老年人关爱台账\",\"masked\":true}")
public record ExportRequest(
    List<SearchRequest.Filter> filters,
    List<String> tagsAll,
    List<String> tagsAny,
    SearchRequest.AgeRange age,
    String text,
    List<String> textFields,
    List<String> status,
    List<SearchRequest.Sort> sort,
    String format,
    List<String> columns,
    String template,
    Boolean masked,
    String purpose) {

  public SearchRequest query() {
    return new SearchRequest(filters, tagsAll, tagsAny, age, text, textFields, status, null, null, null, sort);
  }

  public boolean maskedOrDefault() {
    return masked == null || masked;
  }
}
