package cn.jzz.hub.console;

import cn.jzz.hub.schema.ResidentSchema;
import cn.jzz.hub.schema.SchemaProperties;
import java.time.Duration;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /console/config}: the reference data of {@link ConsoleConfig}. Outside {@code /api/}
 * and without authentication, as it holds only public code lists (the login page shows nothing of it,
 * but the browser may cache it before anyone signs in).
 */
@RestController
public class ConsoleConfigController {

  private final ConsoleConfig config;

  public ConsoleConfigController(ResidentSchema schema, SchemaProperties properties) {
    // The schema is fixed for the life of the process, so the answer is built once.
    this.config = ConsoleConfig.from(schema, properties.schemasDir());
  }

  @GetMapping("/console/config")
  public ResponseEntity<ConsoleConfig> config() {
    return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofMinutes(10))).body(config);
  }
}
