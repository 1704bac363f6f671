package cn.jzz.hub.sim;

import cn.jzz.hub.sim.Geography.Community;
import cn.jzz.hub.sim.Places.Building;
import cn.jzz.hub.sim.Places.Compound;
import cn.jzz.hub.sim.Places.Grid;
import cn.jzz.hub.sim.Places.House;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The simulated world of one seed and size: places, people and the facts that speak of several people.
 * Every department's slice is derived from it; {@link Population#world} builds it.
 *
 * @param today the date the world is drawn for; every generated date lies before it
 */
public record SimWorld(
    long seed,
    LocalDate today,
    Geography geography,
    List<Community> communities,
    List<Grid> grids,
    List<Compound> compounds,
    List<Building> buildings,
    List<House> houses,
    List<SimPerson> people,
    List<Household> households,
    List<Family> families,
    List<Marriage> marriages,
    List<Declaration> declarations) {

  /** A 民政 assistance family: {@code type} DB 低保, TK 特困供养, DBBY 低保边缘; {@code stop} null while assisted. */
  public record Family(long id, String type, String communityCode, String communityName, LocalDate start, LocalDate stop, List<FamilyMember> members) {}

  /** A member of an assistance family; {@code relation} 本人/配偶/子女/父母/其他. */
  public record FamilyMember(long seq, String relation) {}

  /** A 婚姻登记: {@code type} JH 结婚, LH 离婚, BF 补发. One row speaks of two people. */
  public record Marriage(long manSeq, long womanSeq, String type, LocalDate date) {}

  /** An 爱山东 居民自主申报: {@code shzt} 0 待审核, 1 通过, 2 驳回. */
  public record Declaration(long seq, String phone, String address, String contact, LocalDateTime submitted, String shzt) {}

  public SimPerson person(long seq) {
    return people.get((int) seq - 1);
  }

  /**
   * The moment the world's data was extracted: 08:00 local time on {@link #today()}. Generated
   * timestamps lie before it, so the same seed gives the same rows on any day's run of a fixed date.
   */
  public LocalDateTime extractedAt() {
    return today.atTime(8, 0);
  }

  /** The community with the most residents (ties: the smaller code): the demo grid worker's. */
  public Community busiestCommunity() {
    Map<String, Long> counts = people.stream().collect(Collectors.groupingBy(SimPerson::communityCode, Collectors.counting()));
    return communities.stream()
        .max(Comparator.comparing((Community c) -> counts.getOrDefault(c.code(), 0L)).thenComparing(Community::code, Comparator.reverseOrder()))
        .orElseThrow();
  }

  public Map<String, Community> communitiesByCode() {
    return communities.stream().collect(Collectors.toMap(Community::code, Function.identity()));
  }

  /**
   * The records an outside API serves, in exactly the JSON shape of departments.md, with the default
   * dirt: {@code wjw}/{@code health-records} items, {@code ishandong}/{@code jmzzsb|swxx|ylbx} rows.
   */
  public List<Map<String, Object>> apiRecords(String source, String resource) {
    return apiRecords(source, resource, Dirt.defaults());
  }

  public List<Map<String, Object>> apiRecords(String source, String resource, Dirt dirt) {
    return ApiDatasets.build(this, source, resource, dirt).records();
  }
}
