package cn.jzz.hub.connector.camel;

import cn.jzz.hub.connector.IngestException;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one error policy of every {@code ingest.<source>} route ({@code routeConfiguration
 * ingest-errors}): retriable failures (I/O, timeouts, HTTP 5xx and 429, Kafka unavailable) are
 * redelivered with exponential backoff, then the route's connector backs off across its next polls and
 * shows {@code retrying}; they never quarantine anything. Permanent failures (bad configuration,
 * refused credentials) are reported with source, stage and reason, and the source shows {@code failed}.
 */
public final class IngestErrorPolicy extends RouteConfigurationBuilder {

  public static final String ID = "ingest-errors";

  /** Exchange property holding the {@link CamelSourceConnector} that runs the route. */
  static final String CONNECTOR = "hub.ingest.connector";

  private static final Logger log = LoggerFactory.getLogger(IngestErrorPolicy.class);

  @Override
  public void configuration() {
    routeConfiguration(ID)
        .onException(Exception.class)
        .onWhen(exchange -> IngestException.isRetriable(exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class)))
        .maximumRedeliveries(2)
        .redeliveryDelay(500)
        .useExponentialBackOff()
        .backOffMultiplier(2)
        .maximumRedeliveryDelay(10_000)
        .retryAttemptedLogLevel(LoggingLevel.DEBUG)
        .logExhausted(false)
        .handled(true)
        .process(IngestErrorPolicy::retriable)
        .end()
        .onException(Exception.class)
        .logExhausted(false)
        .handled(true)
        .process(IngestErrorPolicy::permanent)
        .end();
  }

  private static void retriable(Exchange exchange) {
    Throwable error = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
    CamelSourceConnector connector = exchange.getProperty(CONNECTOR, CamelSourceConnector.class);
    if (connector != null) {
      connector.onRetriableFailure(error);
    } else {
      log.warn("ingest route {}: {}", exchange.getFromRouteId(), describe(error));
    }
  }

  private static void permanent(Exchange exchange) {
    Throwable error = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
    CamelSourceConnector connector = exchange.getProperty(CONNECTOR, CamelSourceConnector.class);
    if (connector != null) {
      connector.onPermanentFailure(error);
    } else {
      log.error("ingest route {}: {}", exchange.getFromRouteId(), describe(error));
    }
  }

  static String describe(Throwable error) {
    if (error instanceof IngestException) {
      return error.getMessage();
    }
    String message = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
    Throwable cause = error.getCause();
    return cause != null && cause.getMessage() != null && !message.contains(cause.getMessage()) ? message + " (" + cause.getMessage() + ")" : message;
  }

  /** Adds the policy to a context once; every ingest route refers to it by id. */
  public static synchronized void ensure(CamelContext camel) throws Exception {
    if (camel.getRegistry().lookupByName(ID + ".installed") == null) {
      camel.addRoutesConfigurations(new IngestErrorPolicy());
      camel.getRegistry().bind(ID + ".installed", Boolean.TRUE);
    }
  }
}
