package cn.jzz.hub.connector.rest;

import java.io.IOException;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;

/**
 * HTTP through Camel's {@code http} component: one endpoint per API (path and query travel as
 * headers, so the endpoint registry does not grow with every page), failures as status codes.
 */
final class CamelHttpTransport implements HttpTransport, AutoCloseable {

  private final ProducerTemplate template;
  private final String endpoint;

  CamelHttpTransport(CamelContext camel, String baseUrl, int timeoutMs) {
    this.template = camel.createProducerTemplate();
    this.endpoint = baseUrl + "?throwExceptionOnFailure=false&connectTimeout=" + timeoutMs + "&responseTimeout=" + timeoutMs
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
