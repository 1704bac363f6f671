package cn.jzz.hub.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.jzz.hub.api.ApiException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletRequest;

class AdminOnlyTest {

  @Test
  void anAdminPassesAndIsReturned() {
    MockHttpServletRequest request = new MockHttpServletRequest();
    Principal admin = new Principal("a", Principal.Role.admin, null);
    request.setAttribute(AuthFilter.PRINCIPAL, admin);
    assertThat(AdminOnly.require(request, "x")).isSameAs(admin);
  }

  @Test
  void anyOtherCallerIsRefusedWithWhyAndTheirRole() {
    MockHttpServletRequest grid = new MockHttpServletRequest();
    grid.setAttribute(AuthFilter.PRINCIPAL, new Principal("g", Principal.Role.grid_worker, "370811002001"));
    assertThatThrownBy(() -> AdminOnly.require(grid, "only data admins may rebuild the index"))
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.status()).isEqualTo(HttpStatus.FORBIDDEN);
          assertThat(e.getMessage()).startsWith("only data admins may rebuild the index: sign in as a data admin").contains("your role is grid_worker@370811002001");
        });
    assertThatThrownBy(() -> AdminOnly.require(new MockHttpServletRequest(), "x"))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(HttpStatus.FORBIDDEN));
  }
}
