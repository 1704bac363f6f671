package cn.jzz.hub.ops;

import cn.jzz.hub.api.ApiException;
import cn.jzz.hub.index.IndexRebuild;
import cn.jzz.hub.security.AuthFilter;
import cn.jzz.hub.security.Principal;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Data admins rebuild the residents index behind its alias, e.g. after a schema change. */
@RestController
@RequestMapping("/api/v1/index")
public class IndexController {

  private final IndexRebuild rebuild;

  public IndexController(IndexRebuild rebuild) {
    this.rebuild = rebuild;
  }

  @PostMapping("/rebuild")
  public ResponseEntity<IndexRebuild.Status> start(HttpServletRequest request) {
    requireAdmin(request);
    if (!rebuild.start()) {
      throw new ApiException(HttpStatus.CONFLICT, "REBUILD_RUNNING", "a rebuild is already running; follow it with GET /api/v1/index/rebuild");
    }
    return ResponseEntity.accepted().body(rebuild.status());
  }

  @GetMapping("/rebuild")
  public IndexRebuild.Status status(HttpServletRequest request) {
    requireAdmin(request);
    return rebuild.status();
  }

  private static void requireAdmin(HttpServletRequest request) {
    Principal principal = (Principal) request.getAttribute(AuthFilter.PRINCIPAL);
    if (principal == null || principal.role() != Principal.Role.admin) {
      throw new ApiException(HttpStatus.FORBIDDEN, "FORBIDDEN", "only data admins may rebuild the index");
    }
  }
}
