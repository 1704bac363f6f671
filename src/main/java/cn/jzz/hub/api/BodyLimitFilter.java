package cn.jzz.hub.api;

import cn.jzz.hub.support.Json;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies over a limit with 413: by the declared length at once, and while reading for
 * chunked bodies that declare none.
 */
public final class BodyLimitFilter extends OncePerRequestFilter {

  /** Thrown while reading past the limit; {@link ApiErrors} answers 413. */
  public static final class TooLargeException extends IOException {
    TooLargeException(long limit) {
      super("request body larger than " + limit + " bytes");
    }
  }

  private final long limit;

  public BodyLimitFilter(long limit) {
    this.limit = limit;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (request.getContentLengthLong() > limit) {
      response.setStatus(413);
      response.setContentType("application/json;charset=UTF-8");
      response.getWriter().write(Json.write(ApiErrors.body("PAYLOAD_TOO_LARGE", message(limit), List.of())));
      return;
    }
    chain.doFilter(new Limited(request, limit), response);
  }

  static String message(long limit) {
    return "the request body is larger than " + limit + " bytes; send fewer filters or values, or split the request";
  }

  private static final class Limited extends HttpServletRequestWrapper {
    private final long limit;
    private ServletInputStream stream;

    Limited(HttpServletRequest request, long limit) {
      super(request);
      this.limit = limit;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (stream == null) {
        ServletInputStream in = super.getInputStream();
        stream =
            new ServletInputStream() {
              private long read;

              private void count(long n) throws IOException {
                read += n;
                if (read > limit) {
                  throw new TooLargeException(limit);
                }
              }

              @Override
              public int read() throws IOException {
                int b = in.read();
                if (b >= 0) {
                  count(1);
                }
                return b;
              }

              @Override
              public int read(byte[] b, int off, int len) throws IOException {
                int n = in.read(b, off, len);
                if (n > 0) {
                  count(n);
                }
                return n;
              }

              @Override
              public boolean isFinished() {
                return in.isFinished();
              }

              @Override
              public boolean isReady() {
                return in.isReady();
              }

              @Override
              public void setReadListener(ReadListener listener) {
                in.setReadListener(listener);
              }
            };
      }
      return stream;
    }
  }
}
