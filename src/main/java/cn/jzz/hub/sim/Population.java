package cn.jzz.hub.sim;

import cn.jzz.hub.identity.IdNumbers;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * A seeded synthetic population of Jining: the same seed and size always give the same people, so
 * demos, tests and benchmarks are repeatable and expected results can be computed. People live in
 * households, households in houses of real Jining communities ({@link Housing}); the key groups are
 * drawn at realistic rates ({@link KeyGroups}).
 */
public final class Population {

  /** Current Jining county codes, plus retired ones many residents still carry (370802 市中区, 370882 兖州市). */
  static final String[] ID_AREAS = {
    "370811", "370811", "370811", "370812", "370826", "370827", "370828", "370829", "370830", "370831",
    "370832", "370881", "370883", "370802", "370882"
  };
  /** Where migrants' 户籍 lies: other Jining counties and other cities. */
  static final String[] MIGRANT_AREAS = {"370826", "370828", "370829", "370832", "370102", "370202", "371302", "371402", "410105", "320311", "340102"};
  static final String[] MIGRANT_AREA_NAMES = {"山东省济宁市微山县", "山东省济宁市金乡县", "山东省济宁市嘉祥县", "山东省济宁市梁山县", "山东省济南市历下区", "山东省青岛市市南区", "山东省临沂市兰山区", "山东省德州市德城区", "河南省郑州市金水区", "江苏省徐州市泉山区", "安徽省合肥市瑶海区"};
  /** 港澳台居民居住证 prefixes. */
  static final String[] HMT_AREAS = {"810000", "820000", "830000"};

  private static final String SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段钱汤尹黎易常武乔贺赖龚文颜曲";
  private static final String GIVEN_MALE = "伟强磊军洋勇杰涛明超刚建华鹏飞宇浩然俊杰国庆志强海波振华立新德明文博子豪嘉豪";
  private static final String GIVEN_FEMALE = "芳娜秀英敏静丽艳娟霞平桂英玉兰萍红梅子涵欣怡梓萱一诺雨桐佳琪淑珍凤英玉珍慧敏晓燕";
  private static final String[] DOTTED_NAMES = {"阿卜杜·热合曼", "买买提·艾力", "古丽·阿不都", "阿依古丽·吐尔逊", "艾尔肯·吾守尔"};
  private static final String[] EDUCATION_ADULT = {"20", "30", "40", "60", "70", "80", "90", "10"};
  private static final int[] EDUCATION_WEIGHTS = {16, 14, 10, 22, 25, 9, 2, 2};
  private static final String[] ETHNICITY = {"01", "01", "01", "01", "01", "01", "01", "01", "01", "03"};

  private Population() {}

  /** The people of the world for {@code seed} and {@code size}, with the division lists of {@code schemas/}. */
  public static List<SimPerson> generate(long seed, int size, LocalDate today) {
    return world(seed, size, today, Geography.load(Path.of("schemas"))).people();
  }

  /** The whole world: places, people and the facts that span people (families, marriages, declarations). */
  public static SimWorld world(long seed, int size, LocalDate today, Geography geography) {
    if (size < 1) {
      throw new IllegalArgumentException("a world needs at least 1 resident, got " + size);
    }
    Random random = new Random(seed);
    Housing housing = new Housing(random, geography, size);
    List<Household.Draft> drafts = new ArrayList<>(size);
    List<Household> households = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    while (drafts.size() < size) {
      Household.Type type = Household.Type.draw(random);
      boolean migrant = Draw.chance(random, type == Household.Type.LEFT_BEHIND ? 0 : 0.12);
      boolean hmt = migrant && Draw.chance(random, 0.03);
      boolean owner = !migrant && Draw.chance(random, 0.86);
      Housing.Slot slot = housing.next();
      String householdNo = Draw.pad(100000000 + households.size() + 1, 9);
      String migrantHome = Integer.toString(random.nextInt(MIGRANT_AREAS.length));
      List<Long> members = new ArrayList<>();
      String surname = surname(random);
      for (Household.Member m : type.members(random, today)) {
        if (drafts.size() == size) {
          break;
        }
        Household.Draft d = new Household.Draft();
        d.seq = drafts.size() + 1L;
        d.sex = m.sex();
        d.birth = m.birth();
        d.role = m.role();
        d.relationToHead = m.relationCode();
        d.name = name(random, m.takesSurname() ? surname : surname(random), d.sex);
        d.ethnicity = d.name.contains("·") ? "05" : Draw.pick(random, ETHNICITY);
        d.registered = !migrant;
        d.householdNo = householdNo;
        d.slot = slot;
        d.householdType = type;
        d.owner = owner;
        String area = hmt ? Draw.pick(random, HMT_AREAS) : idArea(random, slot.community().countyCode(), d.birth, migrant, Integer.parseInt(migrantHome));
        String id;
        do {
          id = idNumber(area, d.birth, random.nextInt(500), d.sex);
        } while (!ids.add(id));
        d.idNumber = id;
        d.hukouDivision = migrant ? (hmt ? area : MIGRANT_AREAS[Integer.parseInt(migrantHome)]) : hukouCounty(slot.community().countyCode());
        d.hukouAddress = migrant ? (hmt ? "香港特别行政区" : MIGRANT_AREA_NAMES[Integer.parseInt(migrantHome)] + Draw.pick(random, Housing.STREETS) + Draw.between(random, 1, 300) + "号") : housing.address(slot, true);
        d.address = housing.address(slot, false);
        d.phone = d.birth.isAfter(today.minusYears(14)) ? null : Draw.mobile(random);
        d.education = education(random, d.birth, today);
        drafts.add(d);
        members.add(d.seq);
      }
      households.add(new Household(householdNo, slot.house().code(), slot.community().code(), type, migrant, owner, List.copyOf(members)));
    }
    KeyGroups groups = new KeyGroups(random, today, housing, drafts, households);
    groups.assign();
    List<SimPerson> people = new ArrayList<>(drafts.size());
    for (Household.Draft d : drafts) {
      people.add(d.freeze());
    }
    return new SimWorld(
        seed, today, geography, housing.communities(), housing.grids(), housing.compounds(), housing.buildings(), housing.houses(),
        people, households, groups.families(), groups.marriages(), groups.declarations());
  }

  private static String idArea(Random random, String residenceCounty, LocalDate birth, boolean migrant, int migrantHome) {
    if (migrant) {
      return MIGRANT_AREAS[migrantHome];
    }
    String county = hukouCounty(residenceCounty);
    // People keep the number they were first given: 市中区 (370802) and 兖州市 (370882) were retired in 2013.
    if (birth.getYear() < 2013 && county.equals("370811") && Draw.chance(random, 0.25)) {
      return "370802";
    }
    if (birth.getYear() < 2013 && county.equals("370812") && Draw.chance(random, 0.5)) {
      return "370882";
    }
    if (Draw.chance(random, 0.1)) {
      return Draw.pick(random, ID_AREAS);
    }
    return county;
  }

  /** 高新区 (370871) is a statistical code, never a 户籍 division: its residents are registered in 任城区. */
  static String hukouCounty(String county) {
    return county.equals("370871") ? "370811" : county;
  }

  private static String education(Random random, LocalDate birth, LocalDate today) {
    int age = birth.until(today).getYears();
    if (age < 6) {
      return null;
    }
    if (age < 12) {
      return "80";
    }
    if (age < 18) {
      return "70";
    }
    return Draw.weighted(random, EDUCATION_ADULT, EDUCATION_WEIGHTS);
  }

  static String surname(Random random) {
    return String.valueOf(SURNAMES.charAt(random.nextInt(SURNAMES.length())));
  }

  static String name(Random random, String surname, String sex) {
    if (random.nextInt(200) == 0) {
      return Draw.pick(random, DOTTED_NAMES);
    }
    String given = sex.equals("1") ? GIVEN_MALE : GIVEN_FEMALE;
    StringBuilder name = new StringBuilder(surname);
    int count = random.nextInt(3) == 0 ? 1 : 2;
    for (int g = 0; g < count; g++) {
      name.append(given.charAt(random.nextInt(given.length())));
    }
    return name.toString();
  }

  /** A valid GB 11643 number; the 17th digit's parity carries the sex. */
  static String idNumber(String area, LocalDate birth, int sequence, String sex) {
    int seq3 = sequence * 2 + (sex.equals("1") ? 1 : 0);
    String body = area + birth.format(DateTimeFormatter.BASIC_ISO_DATE) + Draw.pad(seq3 % 1000, 3);
    return body + IdNumbers.checkCharacter(body);
  }
}
