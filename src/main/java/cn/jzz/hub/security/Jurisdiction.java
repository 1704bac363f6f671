package cn.jzz.hub.security;

/**
 * An area a caller is limited to: a county (6 digits), township (9), community (12) or grid (15). It
 * becomes a term filter on the matching field of every read (search, facets, person page, lookup,
 * export).
 *
 * @param code the division code
 * @param field the resident field holding codes of that level
 */
public record Jurisdiction(String code, String field) {

  /** The jurisdiction of a code; fails naming the accepted lengths. */
  public static Jurisdiction of(String code) {
    if (code == null || !code.matches("[0-9]+")) {
      throw new IllegalArgumentException("a jurisdiction is a division code of digits, got '" + code + "'");
    }
    String field =
        switch (code.length()) {
          case 6 -> "county_code";
          case 9 -> "township_code";
          case 12 -> "community_code";
          case 15 -> "grid_code";
          default -> throw new IllegalArgumentException(
              "jurisdiction '" + code + "' has " + code.length() + " digits; use a county (6), township (9), community (12) or grid (15) code");
        };
    return new Jurisdiction(code, field);
  }
}
