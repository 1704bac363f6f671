package cn.jzz.hub.export;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code hub.exports.*}.
 *
 * @param dir where finished files are kept; default {@code <hub.data-dir>/exports}
 * @param retention how long a finished file is kept, then deleted with its job (default 24h; at least
 *     1s, at most 30d). Files older than this found in {@code dir} (from before a restart) go too.
 * @param sweepInterval how often expired files are looked for (default 1m; at most the retention is
 *     sensible, a shorter one only costs a directory listing)
 * @param concurrency export jobs running at once
 * @param maxPendingPerUser queued or running jobs one user may have (then 429)
 * @param templates the named column templates file
 * @param scheduleAttempts attempts of a scheduled export before it is reported failed
 * @param retryDelay wait between attempts
 * @param scheduler the principal scheduled exports run as
 */
@Validated
@ConfigurationProperties(prefix = "hub.exports")
public record ExportProperties(
    Path dir,
    @NotNull
        @DurationMin(seconds = 1, message = "must be at least 1s (e.g. 24h): a finished export file is deleted this long after it is done")
        @DurationMax(days = 30, message = "must be at most 30d: export files hold personal data and are not an archive")
        @DefaultValue("24h")
        Duration retention,
    @NotNull @DurationMin(millis = 100, message = "must be at least 100ms (e.g. 1m)") @DefaultValue("1m") Duration sweepInterval,
    @Min(value = 1, message = "must be at least 1") @Max(value = 16, message = "must be at most 16") @DefaultValue("2") int concurrency,
    @Min(value = 1, message = "must be at least 1") @DefaultValue("5") int maxPendingPerUser,
    @DefaultValue("schemas/export-templates.yaml") Path templates,
    @Min(value = 1, message = "must be at least 1") @DefaultValue("3") int scheduleAttempts,
    @DefaultValue("30s") Duration retryDelay,
    @Valid @DefaultValue Scheduler scheduler) {

  /**
   * @param username shown in the audit and the watermark
   * @param jurisdiction division code the scheduled exports are limited to; absent = city-wide
   * @param grants grants ({@code sensitive:<field>}, {@code restricted:<field>}, {@code unmask})
   */
  public record Scheduler(@DefaultValue("scheduler") String username, String jurisdiction, @DefaultValue List<String> grants) {}
}
