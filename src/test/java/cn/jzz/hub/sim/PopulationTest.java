package cn.jzz.hub.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cn.jzz.hub.identity.AreaCodes;
import cn.jzz.hub.identity.IdNumbers;
import cn.jzz.hub.identity.IdParseResult;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PopulationTest {

  private final SimWorld world = SimFixtures.world();
  private final List<SimPerson> people = world.people();

  @Test
  void theSameSeedAndSizeGiveTheSameWorldAndAnotherSeedAnother() {
    SimWorld again = Population.world(42, 20_000, SimFixtures.TODAY, SimFixtures.GEOGRAPHY);
    assertThat(again.people()).isEqualTo(people);
    assertThat(again.houses()).isEqualTo(world.houses());
    assertThat(again.families()).isEqualTo(world.families());
    assertThat(again.marriages()).isEqualTo(world.marriages());
    assertThat(again.declarations()).isEqualTo(world.declarations());
    SimWorld other = Population.world(43, 2_000, SimFixtures.TODAY, SimFixtures.GEOGRAPHY);
    assertThat(other.people().get(0)).isNotEqualTo(people.get(0));
  }

  @Test
  void everyIdNumberIsValidUniqueAndSomeCarryRetiredJiningPrefixes() {
    IdNumbers ids = new IdNumbers(AreaCodes.load(Path.of("schemas/divisions")), Clock.system(ZoneId.of("Asia/Shanghai")));
    Set<String> seen = new HashSet<>();
    for (SimPerson p : people) {
      assertThat(ids.parse(p.idNumber())).as(p.seq() + "").isInstanceOf(IdParseResult.Valid.class);
      assertThat(seen.add(p.idNumber())).isTrue();
    }
    assertThat(people).anyMatch(p -> p.idNumber().startsWith("370802")).anyMatch(p -> p.idNumber().startsWith("370882"))
        .anyMatch(p -> p.idNumber().startsWith("81") || p.idNumber().startsWith("82") || p.idNumber().startsWith("83"));
  }

  @Test
  void placesUseRealDivisionCodes() {
    Set<String> communities = SimFixtures.GEOGRAPHY.communities().stream().map(Geography.Community::code).collect(Collectors.toSet());
    assertThat(people).allMatch(p -> communities.contains(p.communityCode()));
    assertThat(world.grids()).allSatisfy(g -> {
      assertThat(g.code()).hasSize(15).startsWith(g.communityCode());
      assertThat(g.workerName()).isNotBlank();
      assertThat(g.workerPhone()).matches("1\\d{10}");
    });
    Map<String, Long> gridsPerCommunity = world.grids().stream().collect(Collectors.groupingBy(Places.Grid::communityCode, Collectors.counting()));
    assertThat(gridsPerCommunity.values()).allMatch(n -> n >= 2 && n <= 4);
    assertThat(people).allMatch(p -> p.gridCode().startsWith(p.communityCode()));
    assertThat(world.compounds()).extracting(Places.Compound::type).contains("1", "2", "3", "4", "5");
    assertThat(world.compounds()).anyMatch(c -> c.propertyCompany() == null).anyMatch(c -> c.propertyCompany() != null);
    assertThat(world.buildings()).extracting(Places.Building::ldh)
        .anyMatch(l -> l.matches("\\d+")).anyMatch(l -> l.matches("\\d+号楼")).anyMatch(l -> l.matches("[一二三四五六七八九十]+号楼")).anyMatch(l -> l.matches("\\d+#"));
    assertThat(people).extracting(SimPerson::houseRelation).contains("产权人", "共有人", "家庭成员", "承租人", "借住人");
    assertThat(world.busiestCommunity().code()).isEqualTo(
        people.stream().collect(Collectors.groupingBy(SimPerson::communityCode, Collectors.counting())).entrySet().stream()
            .max(Map.Entry.comparingByValue()).orElseThrow().getKey());
  }

  @Test
  void keyGroupsAppearAtRealisticRates() {
    assertThat(share(p -> p.age(SimFixtures.TODAY) >= 60)).isCloseTo(0.20, within(0.04));
    assertThat(share(p -> p.disability() != null)).isCloseTo(0.06, within(0.02));
    Set<Long> assisted = world.families().stream().flatMap(f -> f.members().stream()).map(SimWorld.FamilyMember::seq).collect(Collectors.toSet());
    assertThat(assisted.size() / (double) people.size()).isCloseTo(0.02, within(0.012));
    assertThat(world.families()).anyMatch(f -> f.stop() != null).anyMatch(f -> f.stop() == null);
    assertThat(world.families()).extracting(SimWorld.Family::type).contains("DB", "TK", "DBBY");
    assertThat(share(p -> p.party() != null)).isCloseTo(0.08, within(0.03));
    assertThat(share(p -> p.veteran() != null)).isCloseTo(0.025, within(0.015));
    assertThat(share(p -> p.unemployment() != null)).isBetween(0.01, 0.06);
    assertThat(share(p -> !p.alive())).isBetween(0.005, 0.02);
    assertThat(count(p -> p.student() != null && p.student().lsrt().equals("2"))).isPositive();
    assertThat(count(p -> p.childCare() != null && "孤儿".equals(p.childCare().mzjCategory()))).isPositive();
    assertThat(count(p -> p.childCare() != null && "困境儿童".equals(p.childCare().flCategory()))).isPositive();
    assertThat(count(p -> p.party() != null && p.party().centralHousehold())).isPositive();
    assertThat(count(p -> p.party() != null && p.party().buildingLeader())).isPositive();
    assertThat(count(p -> p.unemployment() != null && p.unemployment().cancelled() != null)).isPositive();
    assertThat(count(p -> p.unemployment() != null && p.unemployment().difficult())).isPositive();
    assertThat(count(p -> p.correction() != null && p.correction().active(SimFixtures.TODAY))).isPositive();
    assertThat(count(p -> p.correction() != null && !p.correction().active(SimFixtures.TODAY))).isPositive();
    assertThat(count(p -> p.releasedOn() != null && p.releasedOn().isBefore(SimFixtures.TODAY.minusYears(5)))).isPositive();
    assertThat(count(p -> p.petition() != null && !p.petition().active())).isPositive();
    assertThat(count(p -> p.drugRehab() != null)).isPositive();
    assertThat(count(p -> p.health() != null && p.health().severeMentalDisorder())).isPositive();
    assertThat(count(p -> p.health() != null && p.health().pregnant())).isPositive();
  }

  @Test
  void elderlyLiveAloneOrInAllElderlyHomesSometimes() {
    long alone = world.households().stream().filter(h -> h.members().size() == 1 && world.person(h.members().get(0)).age(SimFixtures.TODAY) >= 60).count();
    long emptyNest = world.households().stream().filter(h -> h.members().size() >= 2 && h.members().stream().allMatch(s -> world.person(s).age(SimFixtures.TODAY) >= 60)).count();
    assertThat(alone / (double) world.households().size()).isCloseTo(0.07, within(0.02));
    assertThat(emptyNest).isPositive();
  }

  @Test
  void marriagesSpeakOfTwoPeopleAndDeclarationsHaveEveryReviewState() {
    assertThat(world.marriages()).extracting(SimWorld.Marriage::type).contains("JH", "LH", "BF");
    assertThat(world.marriages()).allSatisfy(m -> {
      assertThat(world.person(m.manSeq()).sexCode()).isEqualTo("1");
      assertThat(world.person(m.womanSeq()).sexCode()).isEqualTo("2");
      assertThat(m.date()).isBefore(SimFixtures.TODAY.plusDays(1));
    });
    assertThat(world.declarations()).extracting(SimWorld.Declaration::shzt).contains("0", "1", "2");
  }

  private double share(Predicate<SimPerson> p) {
    return count(p) / (double) people.size();
  }

  private long count(Predicate<SimPerson> p) {
    return people.stream().filter(p).count();
  }
}
