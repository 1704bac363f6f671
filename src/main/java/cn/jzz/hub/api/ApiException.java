package cn.jzz.hub.api;

import java.util.List;
import org.springframework.http.HttpStatus;

/** An error the caller can act on: an HTTP status, a stable code and a message that says the fix. */
public class ApiException extends RuntimeException {

  private final HttpStatus status;
  private final String code;
  private final List<?> details;

  public ApiException(HttpStatus status, String code, String message, List<?> details) {
    super(message);
    this.status = status;
    this.code = code;
    this.details = details == null ? List.of() : details;
  }

  public ApiException(HttpStatus status, String code, String message) {
    this(status, code, message, List.of());
  }

  public static ApiException badRequest(String code, String message) {
    return new ApiException(HttpStatus.BAD_REQUEST, code, message);
  }

  public HttpStatus status() {
    return status;
  }

  public String code() {
    return code;
  }

  public List<?> details() {
    return details;
  }
}
