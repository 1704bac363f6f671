package cn.jzz.hub.ops;

import cn.jzz.hub.api.ApiException;
import cn.jzz.hub.index.IndexRebuild;
import cn.jzz.hub.security.AdminOnly;
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

  private static final String REBUILD = "only data admins may rebuild the index";

  private final IndexRebuild rebuild;

  public IndexController(IndexRebuild rebuild) {
    this.rebuild = rebuild;
  }

  @PostMapping("/rebuild")
  public ResponseEntity<IndexRebuild.Status> start(HttpServletRequest request) {
    AdminOnly.require(request, REBUILD);
    if (!rebuild.start()) {
      throw new ApiException(HttpStatus.CONFLICT, "REBUILD_RUNNING", "a rebuild is already running; follow it with GET /api/v1/index/rebuild");
    }
    return ResponseEntity.accepted().body(rebuild.status());
  }

  @GetMapping("/rebuild")
  public IndexRebuild.Status status(HttpServletRequest request) {
    AdminOnly.require(request, REBUILD);
    return rebuild.status();
  }
}
