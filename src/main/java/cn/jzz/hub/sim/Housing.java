package cn.jzz.hub.sim;

import cn.jzz.hub.sim.Geography.Community;
import cn.jzz.hub.sim.Places.Building;
import cn.jzz.hub.sim.Places.Compound;
import cn.jzz.hub.sim.Places.Grid;
import cn.jzz.hub.sim.Places.House;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The built world: the communities the population lives in, their grids, compounds, buildings and
 * houses, created as households need them (so every compound is partly or wholly occupied and some
 * houses stay empty). One community gets clearly more residents than any other: the grid worker's.
 */
final class Housing {

  static final String[] STREETS = {"古槐路", "红星东路", "太白楼路", "建设北路", "琵琶山路", "共青团路", "吴泰闸路", "九州大道", "洸河路", "车站西路", "龙行路", "荷花路"};
  private static final String[] COMPOUND_NAMES = {
    "幸福家园", "翰林苑", "书香名邸", "锦绣华城", "阳光花园", "和谐家园", "运河城", "明珠小区", "东方圣城", "盛世华庭", "金色兰庭", "龙城御苑",
    "康桥华府", "香榭里", "颐高上海街", "翠都国际", "如意花园", "机械厂宿舍", "纺织厂家属院", "新村安置区", "南池花园", "北湖人家"
  };
  private static final String[] COMPANIES = {
    "济宁城建物业管理有限公司", "山东明德物业管理集团有限公司", "绿城物业服务集团有限公司", "济宁市如意物业服务有限公司", "万科物业服务有限公司", "济宁市鸿顺物业管理有限公司"
  };
  private static final String[] CHINESE_NUMBERS = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四", "十五", "十六", "十七", "十八", "十九", "二十"};
  private static final String[] TYPES = {"1", "2", "3", "4", "5"};
  private static final int[] TYPE_WEIGHTS = {40, 25, 10, 15, 10};

  /** Where one household lives. */
  record Slot(Community community, Compound compound, Building building, House house) {}

  private final Random random;
  private final Geography geography;
  private final List<Community> communities;
  private final double[] cumulative;
  private final Map<String, CommunityState> states = new LinkedHashMap<>();
  private final List<Grid> grids = new ArrayList<>();
  private final List<Compound> compounds = new ArrayList<>();
  private final List<Building> buildings = new ArrayList<>();
  private final List<House> houses = new ArrayList<>();

  Housing(Random random, Geography geography, int residents) {
    this.random = random;
    this.geography = geography;
    List<Community> all = new ArrayList<>(geography.communities());
    Collections.shuffle(all, random);
    int count = Math.max(3, Math.min(all.size(), (int) Math.ceil(residents / 250.0)));
    communities = List.copyOf(all.subList(0, count));
    // Decreasing weights: the first community is the largest, as real sizes are skewed.
    cumulative = new double[count];
    double sum = 0;
    for (int i = 0; i < count; i++) {
      sum += i == 0 ? 2.0 : 1.0 / Math.pow(i + 1, 0.5);
      cumulative[i] = sum;
    }
    for (int i = 0; i < count; i++) {
      cumulative[i] /= sum;
    }
    for (Community c : communities) {
      CommunityState state = new CommunityState(c);
      int gridCount = 2 + random.nextInt(3);
      for (int g = 1; g <= gridCount; g++) {
        Grid grid = new Grid(c.code() + Draw.pad(g, 3), c.name() + "第" + g + "网格", c.code(), Population.name(random, Population.surname(random), random.nextBoolean() ? "1" : "2"), Draw.mobile(random));
        grids.add(grid);
        state.grids.add(grid);
      }
      states.put(c.code(), state);
    }
  }

  /** The next house for a household: a random community (weighted), its next free house. */
  Slot next() {
    double roll = random.nextDouble();
    int i = 0;
    while (i < cumulative.length - 1 && roll >= cumulative[i]) {
      i++;
    }
    CommunityState state = states.get(communities.get(i).code());
    while (true) {
      if (state.free.isEmpty()) {
        newBuilding(state);
      }
      Slot slot = state.free.remove(0);
      // About one house in ten stays empty (sold but unoccupied, or let to nobody).
      if (!Draw.chance(random, 0.1)) {
        return slot;
      }
    }
  }

  private void newBuilding(CommunityState state) {
    if (state.compound == null || state.buildingsLeft == 0) {
      newCompound(state);
    }
    Compound compound = state.compound;
    int number = ++state.buildingNo;
    state.buildingsLeft--;
    int units;
    int floors;
    switch (compound.type()) {
      case "1" -> { units = Draw.between(random, 2, 3); floors = Draw.between(random, 6, 18); }
      case "2" -> { units = Draw.between(random, 2, 4); floors = Draw.between(random, 5, 6); }
      case "3" -> { units = Draw.between(random, 1, 3); floors = Draw.between(random, 4, 6); }
      case "4" -> { units = Draw.between(random, 2, 3); floors = Draw.between(random, 11, 18); }
      default -> { units = 1; floors = Draw.between(random, 2, 4); }
    }
    Grid grid = state.grids.get((state.buildingCount++) % state.grids.size());
    Building building = new Building(compound.code() + Draw.pad(number, 3), compound.code(), number, ldh(number), units, floors, grid.code());
    buildings.add(building);
    for (int unit = 1; unit <= units; unit++) {
      for (int floor = 1; floor <= floors; floor++) {
        for (int room = 1; room <= 2; room++) {
          String fh = floor + Draw.pad(room, 2);
          String use = floor == 1 && compound.type().equals("5") && Draw.chance(random, 0.4) ? "3" : Draw.chance(random, 0.03) ? "2" : Draw.chance(random, 0.01) ? "9" : "1";
          String code = building.code() + unit + Draw.pad(floor, 2) + Draw.pad(room, 2);
          String unitNo = state.community.countyCode() + state.community.code().substring(6, 12) + "GB" + Draw.pad(compounds.size(), 5) + "F" + Draw.pad(number, 4) + Draw.pad(unit * 100 + floor * 2 + room, 4);
          House house = new House(code, building.code(), unit, floor, fh, use, tenure(compound.type()), unitNo);
          houses.add(house);
          if (use.equals("1") || use.equals("2")) {
            state.free.add(new Slot(state.community, compound, building, house));
          }
        }
      }
    }
  }

  private void newCompound(CommunityState state) {
    String type = Draw.weighted(random, TYPES, TYPE_WEIGHTS);
    int index = state.compoundCount++;
    String name = COMPOUND_NAMES[(index + Math.abs(state.community.code().hashCode())) % COMPOUND_NAMES.length] + (index >= COMPOUND_NAMES.length ? (index / COMPOUND_NAMES.length + 1) + "期" : "");
    boolean managed = switch (type) {
      case "1", "4" -> true;
      case "2" -> Draw.chance(random, 0.4);
      case "3" -> Draw.chance(random, 0.6);
      default -> Draw.chance(random, 0.1);
    };
    Compound compound = new Compound(state.community.code() + Draw.pad(index + 1, 3), name, state.community.code(), type, managed ? Draw.pick(random, COMPANIES) : null, Draw.pick(random, STREETS), Draw.between(random, 1, 299));
    compounds.add(compound);
    state.compound = compound;
    state.buildingNo = 0;
    state.buildingsLeft = type.equals("5") ? Draw.between(random, 3, 6) : Draw.between(random, 4, 12);
  }

  /** 住建's building numbers, written in whichever style the clerk used: 3, 3号楼, 三号楼, 3#. */
  private String ldh(int number) {
    int style = random.nextInt(4);
    if (style == 2 && number < CHINESE_NUMBERS.length) {
      return CHINESE_NUMBERS[number] + "号楼";
    }
    return style == 0 ? Integer.toString(number) : style == 1 ? number + "号楼" : number + "#";
  }

  private String tenure(String compoundType) {
    return switch (compoundType) {
      case "1" -> Draw.chance(random, 0.9) ? "商品房" : "经济适用房";
      case "2" -> Draw.chance(random, 0.6) ? "房改房" : "商品房";
      case "3" -> Draw.chance(random, 0.5) ? "单位自管房" : "房改房";
      case "4" -> Draw.chance(random, 0.7) ? "安置房" : "经济适用房";
      default -> Draw.chance(random, 0.7) ? "私有房" : "自建房";
    };
  }

  /** The full current address, as 公安 and the grid centre write it. */
  String address(Slot slot, boolean withProvince) {
    Community c = slot.community();
    return (withProvince ? "山东省" : "") + "济宁市" + Geography.countyName(c.countyCode()) + geography.townshipName(c.townshipCode()) + c.name()
        + slot.compound().street() + slot.compound().streetNo() + "号" + slot.compound().name() + slot.building().number() + "号楼"
        + slot.house().unit() + "单元" + slot.house().room();
  }

  List<Community> communities() {
    return communities;
  }

  List<Grid> grids() {
    return grids;
  }

  List<Compound> compounds() {
    return compounds;
  }

  List<Building> buildings() {
    return buildings;
  }

  List<House> houses() {
    return houses;
  }

  private static final class CommunityState {
    final Community community;
    final List<Grid> grids = new ArrayList<>();
    final java.util.LinkedList<Slot> free = new java.util.LinkedList<>();
    Compound compound;
    int compoundCount;
    int buildingNo;
    int buildingsLeft;
    int buildingCount;

    CommunityState(Community community) {
      this.community = community;
    }
  }
}
