package cn.jzz.hub.schema;

/**
 * A departmental source of data, as declared in {@code schemas/sources.yaml}.
 *
 * @param id short id used everywhere (route ids, topics, authority lists): {@code gaj}, {@code mzj}, …
 * @param name the department's Chinese name
 * @param kind how its system is reached: postgresql, mariadb, http_api, csv, xlsx
 * @param system one-line description of the system
 * @param reveals the resident fields that being listed in this source reveals (a person in 残联's
 *     register is disabled): the source is shown to a caller only as far as she sees those fields
 */
public record Source(String id, String name, String kind, String system, java.util.List<String> reveals) {

  public Source {
    reveals = java.util.List.copyOf(reveals);
  }
}
