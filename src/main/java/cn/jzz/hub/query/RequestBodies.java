package cn.jzz.hub.query;

import cn.jzz.hub.api.ApiException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.stream.Collectors;

/**
 * Reads request bodies strictly: unknown properties and wrong shapes are 400 with the path and what
 * is accepted, never ignored.
 */
public final class RequestBodies {

  private static final ObjectMapper STRICT =
      new ObjectMapper()
          .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private RequestBodies() {}

  public static <T> T read(JsonNode body, Class<T> type, T ifEmpty) {
    if (body == null || body.isNull() || body.isMissingNode()) {
      return ifEmpty;
    }
    if (!body.isObject()) {
      throw ApiException.badRequest("MALFORMED_BODY", "the request body must be a JSON object");
    }
    try {
      return STRICT.treeToValue(body, type);
    } catch (UnrecognizedPropertyException e) {
      String known = e.getKnownPropertyIds() == null ? "" : e.getKnownPropertyIds().stream().map(String::valueOf).sorted().collect(Collectors.joining(", "));
      throw ApiException.badRequest("UNKNOWN_PROPERTY", "unknown property '" + e.getPropertyName() + "' at " + path(e) + "; known: " + known);
    } catch (JsonMappingException e) {
      throw ApiException.badRequest("MALFORMED_BODY", "the value at " + path(e) + " has the wrong shape; see the examples in /v3/api-docs");
    } catch (Exception e) {
      throw ApiException.badRequest("MALFORMED_BODY", "the request body cannot be read; see the examples in /v3/api-docs");
    }
  }

  private static String path(JsonMappingException e) {
    StringBuilder out = new StringBuilder("$");
    for (JsonMappingException.Reference r : e.getPath()) {
      if (r.getFieldName() != null) {
        out.append('.').append(r.getFieldName());
      } else if (r.getIndex() >= 0) {
        out.append('[').append(r.getIndex()).append(']');
      }
    }
    return out.toString();
  }
}
