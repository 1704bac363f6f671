package cn.jzz.hub.sim;

import cn.jzz.hub.identity.IdNumbers;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A seeded synthetic population of Jining: the same seed and size always give the same people, so
 * demos, tests and benchmarks are repeatable and expected results can be computed.
 */
public final class Population {

  /** Current Jining county codes, plus retired ones many residents still carry (370802 市中区, 370882 兖州市). */
  static final String[] ID_AREAS = {
    "370811", "370811", "370811", "370812", "370826", "370827", "370828", "370829", "370830", "370831",
    "370832", "370881", "370883", "370802", "370882"
  };
  /** Townships of 任城区 and 兖州区 (NBS 2023), where the demo's communities lie. */
  static final String[] TOWNSHIPS = {"370811002", "370811005", "370811006", "370811007", "370812001", "370812002"};

  private static final String SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段漕钱汤尹黎易常武乔贺赖龚文";
  private static final String GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英玉兰萍建华红梅鹏飞宇浩然子涵欣怡梓萱一诺思远嘉豪雨桐佳琪俊杰国庆淑珍凤英玉珍";
  private static final String[] STREETS = {"古槐路", "红星东路", "太白楼路", "建设北路", "琵琶山路", "共青团路", "吴泰闸路", "九州大道"};
  private static final String[] EDUCATION = {"10", "20", "30", "40", "60", "70", "80", "90"};
  private static final String[] POLITICAL = {"13", "13", "13", "13", "01", "03"};
  private static final String[] ETHNICITY = {"01", "01", "01", "01", "01", "01", "01", "01", "03", "05"};

  private Population() {}

  public static List<SimPerson> generate(long seed, int size, LocalDate today) {
    Random random = new Random(seed);
    List<SimPerson> people = new ArrayList<>(size);
    java.util.Set<String> ids = new java.util.HashSet<>();
    long household = 0;
    String currentHousehold = null;
    int membersLeft = 0;
    boolean head = false;
    while (people.size() < size) {
      if (membersLeft == 0) {
        household++;
        currentHousehold = String.format("%09d", 100000000 + household);
        membersLeft = 1 + random.nextInt(4);
        head = true;
      }
      LocalDate birth = today.minusDays(random.nextInt(95 * 365));
      String sex = random.nextBoolean() ? "1" : "2";
      String area = ID_AREAS[random.nextInt(ID_AREAS.length)];
      String id = idNumber(area, birth, random.nextInt(500), sex);
      if (!ids.add(id)) {
        continue;
      }
      String township = TOWNSHIPS[(int) (household % TOWNSHIPS.length)];
      String community = township + String.format("%03d", 1 + (int) (household / TOWNSHIPS.length % 4));
      String name = name(random);
      boolean registered = random.nextInt(100) < 88;
      String status = registered ? statusOf(random) : "0";
      people.add(
          new SimPerson(
              people.size() + 1L,
              id,
              name,
              sex,
              birth,
              ETHNICITY[random.nextInt(ETHNICITY.length)],
              registered ? "370811" : ID_AREAS[random.nextInt(ID_AREAS.length)],
              "山东省济宁市任城区" + STREETS[random.nextInt(STREETS.length)] + (1 + random.nextInt(200)) + "号",
              currentHousehold,
              head ? "02" : (random.nextBoolean() ? "10" : "20"),
              EDUCATION[random.nextInt(EDUCATION.length)],
              birth.isAfter(today.minusYears(22)) ? "10" : "20",
              POLITICAL[random.nextInt(POLITICAL.length)],
              random.nextInt(50) == 0 ? "10" : "00",
              community,
              registered,
              status));
      membersLeft--;
      head = false;
    }
    return people;
  }

  private static String statusOf(Random random) {
    int r = random.nextInt(100);
    return r < 94 ? "0" : r < 97 ? "1" : r < 99 ? "2" : "3";
  }

  private static String name(Random random) {
    if (random.nextInt(200) == 0) {
      return "阿卜杜·热合曼";
    }
    StringBuilder name = new StringBuilder().append(SURNAMES.charAt(random.nextInt(SURNAMES.length())));
    int given = random.nextInt(3) == 0 ? 1 : 2;
    for (int g = 0; g < given; g++) {
      name.append(GIVEN.charAt(random.nextInt(GIVEN.length())));
    }
    return name.toString();
  }

  /** A valid GB 11643 number; the 17th digit's parity carries the sex. */
  static String idNumber(String area, LocalDate birth, int sequence, String sex) {
    int seq3 = sequence * 2 + (sex.equals("1") ? 1 : 0);
    String body = area + birth.format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE) + String.format("%03d", seq3 % 1000);
    return body + IdNumbers.checkCharacter(body);
  }
}
