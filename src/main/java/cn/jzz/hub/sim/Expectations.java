package cn.jzz.hub.sim;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What the hub is expected to end with after reading every department once. The rules, kept simple:
 *
 * <ul>
 *   <li>A person is expected if at least one row of any source carries an ID number that resolves to
 *       theirs after normalising (trim, full-width, lower-case x, 15-digit upgrade) — a mistyped check
 *       character or a spreadsheet-corrupted cell does not.
 *   <li>Withdrawn rows contribute nobody: gaj LDRK_DJXX zxbz=1, zrzyj bdc_qlr zxbz=1, zfw wg_rfxx yxbz=0,
 *       mzj child_care valid=0, ishandong jmzzsb unless SHZT=1. Rows that record an ended fact (停保,
 *       解矫, 撤管, a terminated insurance) still name a real person and contribute.
 *   <li>Files are full dumps; only the current dump counts (the world writes one per source).
 *   <li>The 妇联 ledger contributes the child, not the guardian; 婚姻登记 contributes both people.
 *   <li>Status: 死亡 if swxx has the person or gaj RK_JBXX has them with RYZT=1; else 迁出/注销 from
 *       RK_JBXX RYZT=2/3; else 在册.
 * </ul>
 *
 * @param ids the expected people's ID numbers
 * @param statuses ID number → expected status (在册, 死亡, 迁出, 注销)
 */
public record Expectations(Set<String> ids, Map<String, String> statuses) {

  public static Expectations of(SimWorld world, Collection<DepartmentReport> reports) {
    Set<String> ids = new HashSet<>();
    Set<String> deathsReported = new HashSet<>();
    Set<String> registered = new HashSet<>();
    for (DepartmentReport r : reports) {
      ids.addAll(r.acceptedIds());
      if (r.source().equals("ishandong")) {
        deathsReported.addAll(r.accepted("swxx"));
      }
      if (r.source().equals("gaj")) {
        registered.addAll(r.accepted("rk_jbxx"));
      }
    }
    Map<String, String> statuses = new HashMap<>();
    for (SimPerson p : world.people()) {
      String id = p.idNumber();
      if (!ids.contains(id)) {
        continue;
      }
      String gaj = registered.contains(id) ? p.status() : "0";
      String status = deathsReported.contains(id) || gaj.equals("1") ? "死亡" : gaj.equals("2") ? "迁出" : gaj.equals("3") ? "注销" : "在册";
      statuses.put(id, status);
    }
    return new Expectations(Set.copyOf(ids), Map.copyOf(statuses));
  }
}
