package cn.jzz.hub.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** Every error answers {@code {"error":{"code","message","details"}}}; bad input is a 4xx, never a 500. */
@RestControllerAdvice
public class ApiErrors {

  private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

  public static Map<String, Object> body(String code, String message, List<?> details) {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("code", code);
    error.put("message", message);
    error.put("details", details == null ? List.of() : details);
    return Map.of("error", error);
  }

  @ExceptionHandler(ApiException.class)
  ResponseEntity<Map<String, Object>> api(ApiException e) {
    return ResponseEntity.status(e.status()).body(body(e.code(), e.getMessage(), e.details()));
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof BodyLimitFilter.TooLargeException) {
        return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(body("PAYLOAD_TOO_LARGE", t.getMessage() + "; send fewer filters or values", List.of()));
      }
    }
    String detail = e.getMostSpecificCause().getMessage();
    return ResponseEntity.badRequest()
        .body(body("MALFORMED_BODY", "the request body is not valid JSON of the expected shape: " + firstLine(detail), List.of()));
  }

  @ExceptionHandler(MethodArgumentNotValidException.class)
  ResponseEntity<Map<String, Object>> invalid(MethodArgumentNotValidException e) {
    List<Map<String, String>> details =
        e.getBindingResult().getFieldErrors().stream().map(f -> Map.of("field", f.getField(), "message", String.valueOf(f.getDefaultMessage()))).toList();
    return ResponseEntity.badRequest().body(body("INVALID_REQUEST", "the request has invalid values; see details", details));
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<Map<String, Object>> mediaType(HttpMediaTypeNotSupportedException e) {
    return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE).body(body("UNSUPPORTED_MEDIA_TYPE", "send Content-Type: application/json", List.of()));
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ResponseEntity<Map<String, Object>> method(HttpRequestMethodNotSupportedException e) {
    return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED).body(body("METHOD_NOT_ALLOWED", e.getMessage(), List.of()));
  }

  @ExceptionHandler(NoResourceFoundException.class)
  ResponseEntity<Map<String, Object>> notFound(NoResourceFoundException e) {
    return ResponseEntity.status(HttpStatus.NOT_FOUND).body(body("NOT_FOUND", "no such endpoint; see /v3/api-docs", List.of()));
  }

  @ExceptionHandler(BodyLimitFilter.TooLargeException.class)
  ResponseEntity<Map<String, Object>> tooLarge(BodyLimitFilter.TooLargeException e) {
    return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(body("PAYLOAD_TOO_LARGE", e.getMessage() + "; send fewer filters or values", List.of()));
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<Map<String, Object>> typeMismatch(MethodArgumentTypeMismatchException e) {
    return ResponseEntity.badRequest().body(body("INVALID_PARAMETER", "parameter '" + e.getName() + "' has the wrong type", List.of()));
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  ResponseEntity<Map<String, Object>> missingParameter(MissingServletRequestParameterException e) {
    return ResponseEntity.badRequest().body(body("MISSING_PARAMETER", "parameter '" + e.getParameterName() + "' is required", List.of()));
  }

  @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
  ResponseEntity<Map<String, Object>> notAcceptable(HttpMediaTypeNotAcceptableException e) {
    return ResponseEntity.status(HttpStatus.NOT_ACCEPTABLE).contentType(org.springframework.http.MediaType.APPLICATION_JSON).body(body("NOT_ACCEPTABLE", "this endpoint answers JSON (or the export file)", List.of()));
  }

  /**
   * Elasticsearch refused a query: input the whitelist let through but the cluster rejects (e.g. a
   * date it cannot parse) is the caller's problem (400); anything else means the cluster is unwell (503).
   * Neither answer carries the cluster's message, which may echo values.
   */
  @ExceptionHandler(co.elastic.clients.elasticsearch._types.ElasticsearchException.class)
  ResponseEntity<Map<String, Object>> elasticsearch(co.elastic.clients.elasticsearch._types.ElasticsearchException e) {
    if (e.status() == 400) {
      return ResponseEntity.badRequest().body(body("INVALID_QUERY", "the search index could not run this query; check the filter values against GET /api/v1/schema", List.of()));
    }
    log.warn("Elasticsearch answered {}: {}", e.status(), e.error() == null ? "" : e.error().type());
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(body("SEARCH_UNAVAILABLE", "the search index is not available; try again later", List.of()));
  }

  @ExceptionHandler(java.io.IOException.class)
  ResponseEntity<Map<String, Object>> io(java.io.IOException e) {
    log.warn("I/O error while answering: {}", e.getMessage());
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(body("SERVICE_UNAVAILABLE", "a backing service did not answer; try again later", List.of()));
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<Map<String, Object>> unexpected(Exception e) {
    log.error("unexpected error", e);
    return ResponseEntity.internalServerError().body(body("INTERNAL_ERROR", "the hub failed to answer; the error is logged", List.of()));
  }

  private static String firstLine(String s) {
    return s == null ? "" : s.lines().findFirst().orElse("");
  }
}
