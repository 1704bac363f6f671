package cn.jzz.hub.security;

/**
 * The outcome of checking a caller's credentials: the principal, or the status, code and message of the
 * refusal (so that an identity provider's token can say why it was not accepted).
 */
public record Authentication(Principal principal, int status, String code, String message) {

  static Authentication of(Principal principal) {
    return new Authentication(principal, 200, null, null);
  }

  static Authentication refused(int status, String code, String message) {
    return new Authentication(null, status, code, message);
  }

  public boolean accepted() {
    return principal != null;
  }
}
