package cn.jzz.hub.connector.rest;

import java.io.IOException;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.http.HttpComponent;

/**
 * HTTP through Camel's {@code http} component: one endpoint per API (path and query travel as
 * headers, so the endpoint registry does not grow with every page), failures as status codes.
 */
final class CamelHttpTransport implements HttpTransport, AutoCloseable {

  private final ProducerTemplate template;
  private final String endpoint;

  /**
   * The ingest routes' own http component: Apache HttpClient re-sends 429 and 503 by itself by
   * default, which would hide them from the retry and rate policy of {@link RestClient}.
   */
  static final String COMPONENT = "hub-ingest-http";

  CamelHttpTransport(CamelContext camel, String baseUrl, int timeoutMs) {
    synchronized (CamelHttpTransport.class) {
      if (camel.hasComponent(COMPONENT) == null) {
        HttpComponent component = new HttpComponent();
        component.setAutomaticRetriesDisabled(true);
        camel.addComponent(COMPONENT, component);
      }
    }
    this.template = camel.createProducerTemplate();
    boolean https = baseUrl.startsWith("https:");
    this.endpoint = COMPONENT + ":" + baseUrl.replaceFirst("^https?://", https ? "https://" : "") + "?throwExceptionOnFailure=false&connectTimeout=" + timeoutMs + "&responseTimeout=" + timeoutMs
        + "&connectionRequestTimeout=" + timeoutMs;
  }

  @Override
  public Response send(Request request) throws IOException {
    Exchange result =
        template.send(
            endpoint,
            exchange -> {
              exchange.getIn().setHeader(Exchange.HTTP_METHOD, request.method());
              exchange.getIn().setHeader(Exchange.HTTP_PATH, request.path());
              if (request.query() != null) {
                exchange.getIn().setHeader(Exchange.HTTP_QUERY, request.query());
              }
              for (Map.Entry<String, String> header : request.headers().entrySet()) {
                exchange.getIn().setHeader(header.getKey(), header.getValue());
              }
              if (request.body() != null) {
                exchange.getIn().setHeader(Exchange.CONTENT_TYPE, "application/json;charset=UTF-8");
                exchange.getIn().setBody(request.body());
              }
            });
    if (result.getException() != null) {
      Throwable e = result.getException();
      throw e instanceof IOException io ? io : new IOException(e.getMessage(), e);
    }
    Integer status = result.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
    byte[] body = result.getMessage().getBody(byte[].class);
    return new Response(status == null ? 0 : status, body == null ? "" : new String(body, java.nio.charset.StandardCharsets.UTF_8));
  }

  @Override
  public void close() throws IOException {
    try {
      template.close();
    } catch (Exception e) {
      throw new IOException(e);
    }
  }
}
