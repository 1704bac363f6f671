package cn.jzz.hub.query;

import cn.jzz.hub.security.AuthFilter;
import cn.jzz.hub.security.Principal;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/residents")
public class ResidentController {

  private final ResidentSearchService search;

  public ResidentController(ResidentSearchService search) {
    this.search = search;
  }

  @PostMapping("/search")
  public Map<String, Object> search(@RequestBody(required = false) SearchRequest request, HttpServletRequest http) {
    Principal principal = (Principal) http.getAttribute(AuthFilter.PRINCIPAL);
    return search.search(request == null ? new SearchRequest(null, null, null, null, null, null, null, null, null, null) : request, principal);
  }
}
