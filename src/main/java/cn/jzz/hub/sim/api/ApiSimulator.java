package cn.jzz.hub.sim.api;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An outside API of the simulated world as an in-process WireMock server: one catch-all stub whose
 * answer a Java transformer computes from the current dataset, so behaviour (auth, paging, filters,
 * failures) is code, deterministic for a seed, and the dataset can be replaced at any time.
 */
abstract class ApiSimulator implements AutoCloseable {

  static final ObjectMapper JSON = new ObjectMapper();

  private final WireMockServer server;
  private final AtomicLong requests = new AtomicLong();
  protected volatile Clock clock = Clock.systemUTC();

  ApiSimulator(int port, String name) {
    ResponseDefinitionTransformerV2 transformer =
        new ResponseDefinitionTransformerV2() {
          @Override
          public ResponseDefinition transform(ServeEvent serveEvent) {
            requests.incrementAndGet();
            Reply reply;
            try {
              reply = answer(serveEvent.getRequest());
            } catch (RuntimeException e) {
              reply = Reply.json(500, Map.of("error", String.valueOf(e.getMessage())));
            }
            return new com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder()
                .withStatus(reply.status())
                .withHeader("Content-Type", "application/json;charset=UTF-8")
                .withBody(reply.body())
                .build();
          }

          @Override
          public String getName() {
            return name;
          }
        };
    server = new WireMockServer(WireMockConfiguration.options().port(port).bindAddress("127.0.0.1").extensions(transformer).disableRequestJournal()
        .containerThreads(16).jettyAcceptors(1));
    server.stubFor(WireMock.any(WireMock.anyUrl()).willReturn(WireMock.aResponse().withStatus(200)));
  }

  /** An answer: HTTP status and JSON body. */
  record Reply(int status, String body) {
    static Reply json(int status, Object value) {
      try {
        return new Reply(status, JSON.writeValueAsString(value));
      } catch (JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  abstract Reply answer(Request request);

  public ApiSimulator start() {
    server.start();
    return this;
  }

  public int port() {
    return server.port();
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + server.port();
  }

  /** Replaces the clock used for token expiry and timestamp windows (tests move time forward). */
  public void clock(Clock clock) {
    this.clock = clock;
  }

  /** Requests served so far, whatever their answer. */
  public long requests() {
    return requests.get();
  }

  @Override
  public void close() {
    server.stop();
  }

  static Map<String, String> query(Request request) {
    Map<String, String> params = new HashMap<>();
    String url = request.getUrl();
    int q = url.indexOf('?');
    if (q < 0) {
      return params;
    }
    for (String pair : url.substring(q + 1).split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return params;
  }

  static String path(Request request) {
    String url = request.getUrl();
    int q = url.indexOf('?');
    return q < 0 ? url : url.substring(0, q);
  }

  static Integer intParam(Map<String, String> params, String name, int fallback) {
    String value = params.get(name);
    if (value == null) {
      return fallback;
    }
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** Hidden bookkeeping fields ({@code _updateTime}) are not part of the API's answer. */
  static Map<String, Object> visible(Map<String, Object> row) {
    Map<String, Object> copy = new java.util.LinkedHashMap<>();
    row.forEach((k, v) -> {
      if (!k.startsWith("_")) {
        copy.put(k, v);
      }
    });
    return copy;
  }
}
