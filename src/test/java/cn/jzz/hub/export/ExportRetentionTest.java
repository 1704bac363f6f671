package cn.jzz.hub.export;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jzz.hub.support.MutableClock;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportRetentionTest {

  static final Duration RETENTION = Duration.ofHours(24);

  @TempDir Path dir;
  final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T08:00:00Z"));
  ExportRetention retention;

  @BeforeEach
  void retention() {
    retention = new ExportRetention(dir, RETENTION, clock);
  }

  @Test
  void aFinishedFileIsKeptForTheRetentionThenDeletedWithItsJobAndItsOwnerLearnsItExpired() throws Exception {
    Map<String, ExportJob> jobs = new ConcurrentHashMap<>();
    ExportJob old = done("x1", "ana", clock.instant(), jobs);
    clock.advance(Duration.ofHours(1));
    ExportJob newer = done("x2", "ana", clock.instant(), jobs);

    clock.advance(RETENTION.minusHours(1).minusSeconds(1));
    retention.sweep(jobs, false);
    assertThat(jobs).as("within the retention: kept").containsKeys("x1", "x2");
    assertThat(old.file).exists();

    clock.advance(Duration.ofSeconds(2));
    retention.sweep(jobs, false);
    assertThat(jobs).containsOnlyKeys("x2");
    assertThat(old.file).doesNotExist();
    assertThat(newer.file).exists();
    assertThat(retention.expired("x1", "ana")).isNotNull();
    assertThat(retention.expired("x1", "bob")).as("someone else's export stays unknown").isNull();
    assertThat(retention.expired("x2", "ana")).isNull();

    clock.advance(RETENTION.plusSeconds(1));
    retention.sweep(jobs, false);
    assertThat(jobs).isEmpty();
    assertThat(retention.expired("x1", "ana")).as("expired ids are remembered for one more retention").isNull();
    assertThat(retention.expired("x2", "ana")).isNotNull();
  }

  @Test
  void filesFromBeforeARestartGoByTheirAgeAndPartialFilesAtStartUp() throws Exception {
    Path stale = Files.writeString(dir.resolve("x9.csv"), "old");
    Files.setLastModifiedTime(stale, FileTime.from(clock.instant().minus(RETENTION).minusSeconds(1)));
    Path recent = Files.writeString(dir.resolve("x8.xlsx"), "recent");
    Files.setLastModifiedTime(recent, FileTime.from(clock.instant().minusSeconds(60)));
    Path part = Files.writeString(dir.resolve("x7.csv.part"), "crashed");
    Files.setLastModifiedTime(part, FileTime.from(clock.instant().minusSeconds(60)));

    retention.sweep(new ConcurrentHashMap<>(), false);
    assertThat(stale).doesNotExist();
    assertThat(recent).exists();
    assertThat(part).as("a running export's partial file is left alone").exists();

    retention.sweep(new ConcurrentHashMap<>(), true);
    assertThat(part).as("at start-up no export runs: a partial file is a crashed one's").doesNotExist();
    assertThat(recent).exists();
  }

  @Test
  void aRetentionThatIsNotADurationOfAtLeastOneSecondIsRefusedNamingTheFix() {
    Validator validator = Validation.buildDefaultValidatorFactory().getValidator();
    Set<ConstraintViolation<ExportProperties>> zero = validator.validate(properties(Duration.ZERO));
    assertThat(zero).extracting(v -> v.getPropertyPath().toString()).containsExactly("retention");
    assertThat(zero.iterator().next().getMessage()).contains("at least 1s");
    assertThat(validator.validate(properties(Duration.ofDays(31)))).extracting(ConstraintViolation::getMessage).singleElement().asString().contains("at most 30d");
    assertThat(validator.validate(properties(Duration.ofHours(24)))).isEmpty();
  }

  private static ExportProperties properties(Duration retention) {
    return new ExportProperties(null, retention, Duration.ofMinutes(1), 2, 5, Path.of("schemas/export-templates.yaml"), 3, Duration.ofSeconds(30), new ExportProperties.Scheduler("scheduler", null, List.of()));
  }

  private ExportJob done(String id, String owner, Instant finished, Map<String, ExportJob> jobs) throws Exception {
    ExportJob job = new ExportJob(id, owner, "csv", finished, List.of());
    job.file = Files.writeString(dir.resolve(id + ".csv"), "人员标识\r\n");
    Files.setLastModifiedTime(job.file, FileTime.from(finished));
    job.state = ExportJob.State.done;
    job.finished = finished;
    jobs.put(id, job);
    return job;
  }
}
