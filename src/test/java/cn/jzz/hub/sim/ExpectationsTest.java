package cn.jzz.hub.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ExpectationsTest {

  private final SimWorld world = Population.world(5, 300, SimFixtures.TODAY, SimFixtures.GEOGRAPHY);

  @Test
  void aPersonIsExpectedIfAnySourceAcceptsThemAndStatusFollowsDeathsAndGajCodes() {
    SimPerson inGajOnly = world.people().get(0);
    SimPerson inSwxx = world.people().get(1);
    SimPerson nowhere = world.people().get(2);
    DepartmentReport gaj = new DepartmentReport("gaj", Map.of("rk_jbxx", 1), Map.of(), Map.of("rk_jbxx", Set.of(inGajOnly.idNumber())));
    DepartmentReport ishandong = new DepartmentReport("ishandong", Map.of("swxx", 1), Map.of(), Map.of("swxx", Set.of(inSwxx.idNumber())));
    Expectations e = Expectations.of(world, List.of(gaj, ishandong));
    assertThat(e.ids()).containsExactlyInAnyOrder(inGajOnly.idNumber(), inSwxx.idNumber()).doesNotContain(nowhere.idNumber());
    assertThat(e.statuses().get(inSwxx.idNumber())).isEqualTo("死亡");
    String gajStatus = Map.of("0", "在册", "1", "死亡", "2", "迁出", "3", "注销").get(inGajOnly.registered() ? inGajOnly.status() : "0");
    assertThat(e.statuses().get(inGajOnly.idNumber())).isEqualTo(gajStatus);
  }

  @Test
  void withdrawnRowsAndMistypedNumbersContributeNobody() {
    SimPerson p = world.people().get(3);
    DepartmentReport.Builder b = new DepartmentReport.Builder("zfw");
    String wrongCheck = p.idNumber().substring(0, 17) + (p.idNumber().charAt(17) == '1' ? '2' : '1');
    b.id("wg_rfxx", wrongCheck, p);
    DepartmentReport report = b.build();
    assertThat(report.acceptedIds()).isEmpty();
    assertThat(report.dirt()).containsEntry("bad-id", 1);
    DepartmentReport.Builder legacy = new DepartmentReport.Builder("gaj");
    legacy.id("rk_jbxx", p.idNumber().substring(0, 17).toLowerCase() + (p.idNumber().endsWith("X") ? "x" : p.idNumber().substring(17)), p);
    assertThat(legacy.build().acceptedIds()).containsExactly(p.idNumber());
  }
}
