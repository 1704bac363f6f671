package cn.jzz.hub.reconcile;

import cn.jzz.hub.api.ApiException;
import cn.jzz.hub.security.AdminOnly;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/reconcile}: compare the index with the departmental systems; admins only. */
@RestController
public class ReconcileController {

  private static final String WHY = "reconciliation reads every departmental system and can re-publish their rows";

  static final int DEFAULT_MAX_IDS = 100;
  static final int MAX_IDS = 10_000;

  private final Reconciler reconciler;

  public ReconcileController(Reconciler reconciler) {
    this.reconciler = reconciler;
  }

  /**
   * @param sources restrict to these source ids (default: every enabled source)
   * @param resync publish the mismatched persons' source rows again so the pipeline repairs them
   * @param maxIds person ids listed per source (default 100, at most 10000)
   */
  public record ReconcileRequest(List<String> sources, Boolean resync, Integer maxIds) {}

  @PostMapping("/api/v1/reconcile")
  public ReconcileReport reconcile(@RequestBody(required = false) ReconcileRequest request, HttpServletRequest http) {
    AdminOnly.require(http, WHY);
    ReconcileRequest r = request == null ? new ReconcileRequest(null, null, null) : request;
    int maxIds = r.maxIds() == null ? DEFAULT_MAX_IDS : r.maxIds();
    if (maxIds < 0 || maxIds > MAX_IDS) {
      throw ApiException.badRequest("INVALID_REQUEST", "max_ids must be between 0 and " + MAX_IDS);
    }
    Set<String> sources = r.sources() == null ? Set.of() : Set.copyOf(r.sources());
    try {
      return reconciler.reconcile(sources, Boolean.TRUE.equals(r.resync()), maxIds);
    } catch (Reconciler.AlreadyRunning e) {
      throw new ApiException(HttpStatus.CONFLICT, "RECONCILE_RUNNING", e.getMessage());
    }
  }

  /**
   * How far the reconciliation under way has come (pass, step, source, rows read, index documents
   * scanned, seconds), or when the last one finished and whether it was consistent.
   */
  @GetMapping("/api/v1/reconcile/progress")
  public ReconcileProgress.Snapshot progress(HttpServletRequest http) {
    AdminOnly.require(http, WHY);
    return reconciler.progress();
  }
}
