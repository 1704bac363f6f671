package cn.jzz.hub.connector;

import cn.jzz.hub.config.HubProperties;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;
import org.apache.camel.CamelContext;

/**
 * What the hub gives every connector: where to publish, where to keep positions, server addresses,
 * the Camel context for route-based types, record keys, health reporting and secret resolution.
 *
 * @param placeholders resolves {@code ${property}} placeholders in option values against the hub's
 *     configuration and environment, so secrets stay out of {@code connectors/*.yaml}
 */
public record ConnectorContext(
    RawEventPublisher publisher,
    HubProperties properties,
    CamelContext camel,
    RecordKeys recordKeys,
    SourceMonitors monitors,
    UnaryOperator<String> placeholders) {

  private static final Duration FIRST_BACKOFF = Duration.ofMillis(200);
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

  /** A directory only this source's connector writes: offsets, watermarks, schema history. */
  public Path stateDir(String source) {
    return stateDir(properties, source);
  }

  /** The state directory of {@code source}, for readers outside its connector (reconciliation). */
  public static Path stateDir(HubProperties properties, String source) {
    return properties.stateDir().resolve("connectors").resolve(source);
  }

  public StateStore state(String source) {
    return new StateStore(stateDir(source));
  }

  public SourceMonitor monitor(String source, String type) {
    return monitors.of(source, type);
  }

  /**
   * Publishes a batch, retrying with exponential backoff while Kafka refuses it, and returns only
   * once Kafka acknowledged all of it: the caller commits its position after this and only after.
   *
   * @throws InterruptedException when {@code stopping} turns true while retrying; the caller must
   *     then not commit, so the batch is read again on the next start
   */
  public void publish(SourceMonitor monitor, List<RawEvent> batch, BooleanSupplier stopping) throws InterruptedException {
    if (batch.isEmpty()) {
      return;
    }
    Duration backoff = FIRST_BACKOFF;
    while (true) {
      try {
        publisher.publish(batch);
        monitor.published(batch);
        return;
      } catch (RawEventPublisher.PublishFailedException e) {
        if (stopping.getAsBoolean()) {
          throw new InterruptedException("stopping while Kafka is unavailable");
        }
        monitor.retrying("publishing to Kafka failed: " + e.getMessage());
        Thread.sleep(backoff.toMillis());
        backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
      }
    }
  }
}
