package cn.jzz.hub.export;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code hub.exports.*}.
 *
 * @param dir where finished files are kept; default {@code <hub.data-dir>/exports}
 * @param retention how long a finished file is kept, then deleted with its job (default 24h)
 * @param concurrency export jobs running at once
 * @param maxPendingPerUser queued or running jobs one user may have (then 429)
 * @param templates the named column templates file
 * @param scheduleAttempts attempts of a scheduled export before it is reported failed
 * @param retryDelay wait between attempts
 * @param scheduler the principal scheduled exports run as
 */
@ConfigurationProperties(prefix = "hub.exports")
public record ExportProperties(
    Path dir,
    @DefaultValue("24h") Duration retention,
    @DefaultValue("2") int concurrency,
    @DefaultValue("5") int maxPendingPerUser,
    @DefaultValue("schemas/export-templates.yaml") Path templates,
    @DefaultValue("3") int scheduleAttempts,
    @DefaultValue("30s") Duration retryDelay,
    @DefaultValue Scheduler scheduler) {

  /**
   * @param username shown in the audit and the watermark
   * @param jurisdiction division code the scheduled exports are limited to; absent = city-wide
   * @param grants grants ({@code sensitive:<field>}, {@code restricted:<field>}, {@code unmask})
   */
  public record Scheduler(@DefaultValue("scheduler") String username, String jurisdiction, @DefaultValue List<String> grants) {}
}
