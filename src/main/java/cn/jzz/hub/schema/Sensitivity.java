package cn.jzz.hub.schema;

import java.util.Arrays;
import java.util.Optional;

/** How a field or tag must be protected; a field may carry several (e.g. S and M). */
public enum Sensitivity {
  /** Sensitive personal information (PIPL Art. 28): visible only to roles granted it. */
  S("S"),
  /** Masked in views and exports unless the role may see it unmasked. */
  M("M"),
  /** Restricted tags (justice, public safety): hidden from analysts and grid workers. */
  RESTRICTED("restricted");

  private final String code;

  Sensitivity(String code) {
    this.code = code;
  }

  /** The form used in YAML, the API and docs: {@code S}, {@code M} or {@code restricted}. */
  public String code() {
    return code;
  }

  public static Optional<Sensitivity> fromCode(String code) {
    return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst();
  }
}
