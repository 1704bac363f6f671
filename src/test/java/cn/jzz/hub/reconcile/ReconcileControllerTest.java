package cn.jzz.hub.reconcile;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.jzz.hub.api.ApiException;
import cn.jzz.hub.security.AuthFilter;
import cn.jzz.hub.security.Principal;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletRequest;

class ReconcileControllerTest {

  private final ReconcileController controller = new ReconcileController(null);

  @Test
  void onlyAdminsMayReconcile() {
    for (Principal caller : new Principal[] {principal(Principal.Role.analyst, null), principal(Principal.Role.grid_worker, "370811002001"), null}) {
      MockHttpServletRequest request = new MockHttpServletRequest();
      if (caller != null) {
        request.setAttribute(AuthFilter.PRINCIPAL, caller);
      }
      assertThatThrownBy(() -> controller.reconcile(null, request))
          .isInstanceOfSatisfying(ApiException.class, e -> {
            org.assertj.core.api.Assertions.assertThat(e.status()).isEqualTo(HttpStatus.FORBIDDEN);
            org.assertj.core.api.Assertions.assertThat(e.code()).isEqualTo("FORBIDDEN");
          });
      assertThatThrownBy(() -> controller.progress(request))
          .isInstanceOfSatisfying(ApiException.class, e -> org.assertj.core.api.Assertions.assertThat(e.status()).isEqualTo(HttpStatus.FORBIDDEN));
    }
  }

  @Test
  void maxIdsIsBounded() {
    MockHttpServletRequest request = new MockHttpServletRequest();
    request.setAttribute(AuthFilter.PRINCIPAL, principal(Principal.Role.admin, null));
    assertThatThrownBy(() -> controller.reconcile(new ReconcileController.ReconcileRequest(null, null, 10_001), request))
        .isInstanceOfSatisfying(ApiException.class, e -> org.assertj.core.api.Assertions.assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST));
  }

  private static Principal principal(Principal.Role role, String scope) {
    return new Principal("u", role, scope);
  }
}
