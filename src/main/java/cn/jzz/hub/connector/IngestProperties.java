package cn.jzz.hub.connector;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code hub.ingest.*}: whether this instance reads sources at all, and how several instances share
 * them.
 *
 * @param enabled {@code false} makes an instance serve queries only
 * @param leases {@code true} (default): instances agree through the Kafka consumer group {@code
 *     <application-id>-leases} on topic {@code <ns>.leases} which one reads each source; {@code false}:
 *     this instance reads every source (only safe when it is the only one)
 * @param leaseSessionTimeout how long a silent instance keeps its sources before another takes over
 */
@Validated
@ConfigurationProperties(prefix = "hub.ingest")
public record IngestProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("true") boolean leases,
    @NotNull @DefaultValue("10s") Duration leaseSessionTimeout) {

  public static IngestProperties defaults() {
    return new IngestProperties(true, true, Duration.ofSeconds(10));
  }
}
