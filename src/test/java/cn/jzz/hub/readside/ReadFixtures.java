package cn.jzz.hub.readside;

import cn.jzz.hub.identity.IdNumbers;
import cn.jzz.hub.identity.PersonIds;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A small, realistic resident population as the indexer writes it: four communities in two
 * townships, grids, compounds and buildings, every tag group including the restricted ones, S and M
 * fields, provenance and conflicts, and a few hostile values (formula injection).
 */
public final class ReadFixtures {

  public static final String YUTANG = "370811002001";
  public static final String YUCAI = "370811002002";
  public static final String JINXIU = "370811005001";
  public static final String YUTANG_GRID_1 = YUTANG + "001";
  public static final LocalDate TODAY = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
  /** Values an export must neutralise. */
  public static final List<String> HOSTILE = List.of("=HYPERLINK(\"http://evil.example\",\"点我\")", "+SUM(1,2)", "-2+3", "@cmd");

  private static final String[] SURNAMES = {"张", "王", "李", "赵", "刘", "陈", "孔", "孟", "欧阳", "颜"};
  private static final String[] GIVEN = {"伟", "芳", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "艳", "勇"};
  private static final String[][] AREAS = {
    {YUTANG, "001", "玉堂小区", "商品房小区"}, {YUTANG, "002", "古槐苑", "老旧小区"}, {YUCAI, "001", "育才花园", "安置小区"}, {JINXIU, "001", "锦绣城", "商品房小区"}
  };

  private ReadFixtures() {}

  /** The population; {@code personIds} must be the hub's, so that lookup finds them. */
  public static List<Map<String, Object>> population(int n, PersonIds personIds) {
    Random random = new Random(7);
    List<Map<String, Object>> people = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String[] area = AREAS[i % AREAS.length];
      String community = area[0];
      LocalDate birth = TODAY.minusYears(1 + (i * 7) % 95).minusDays(i % 200);
      boolean female = i % 2 == 1;
      String first17 = "370811" + birth.toString().replace("-", "") + String.format("%02d", i % 100) + (female ? (i % 5) * 2 : (i % 5) * 2 + 1);
      String id = first17 + IdNumbers.checkCharacter(first17);
      Map<String, Object> d = new LinkedHashMap<>();
      d.put("person_id", personIds.of(id));
      d.put("county_code", "370811");
      d.put("township_code", community.substring(0, 9));
      d.put("community_code", community);
      d.put("grid_code", community + area[1]);
      d.put("compound_name", i % 29 == 5 ? HOSTILE.get(0) : area[2]);
      d.put("compound_type", area[3]);
      d.put("property_service", i % 31 == 3 ? HOSTILE.get(3) : "济宁物业有限公司");
      d.put("building_no", String.valueOf(1 + i % 6));
      d.put("unit_no", String.valueOf(1 + i % 3));
      d.put("floor_no", i % 17 == 0 ? -1 : 1 + i % 18);
      d.put("room_no", (1 + i % 18) + "0" + (1 + i % 4));
      d.put("house_code", "H" + community + String.format("%04d", i / 2));
      d.put("house_use", "住宅");
      d.put("full_name", SURNAMES[i % SURNAMES.length] + GIVEN[(i * 5) % GIVEN.length] + (i % 3 == 0 ? GIVEN[i % GIVEN.length] : ""));
      d.put("id_type", "居民身份证");
      d.put("id_number", id);
      d.put("sex", female ? "2" : "1");
      d.put("birth_date", birth.toString());
      d.put("ethnicity", i % 13 == 0 ? "03" : "01");
      d.put("nationality", "CHN");
      d.put("phone", "13" + (5 + i % 5) + String.format("%08d", 10_000_000 + random.nextInt(89_999_999)));
      d.put("hukou_division_code", i % 7 == 0 ? "370802" : "370811");
      d.put("hukou_address", "山东省济宁市任城区古槐路" + (10 + i) + "号" + (1 + i % 6) + "号楼" + (1 + i % 3) + "单元" + (101 + i) + "室");
      d.put("emergency_contact", SURNAMES[(i + 3) % SURNAMES.length] + "明/子女/1390537" + String.format("%04d", i));
      d.put("person_category", i % 9 == 0 ? "2" : "1");
      d.put("religion", i % 11 == 0 ? "10" : "00");
      d.put("occupation", i % 23 == 7 ? HOSTILE.get(1) : "职员");
      d.put("employer_or_school", i % 19 == 4 ? HOSTILE.get(2) : "济宁市某单位");
      d.put("health_status", i % 4 == 0 ? "3" : "1");
      d.put("family_doctor_signed", i % 3 != 0);
      int age = java.time.Period.between(birth, TODAY).getYears();
      put(d, "health_focus_tags", i % 4 == 0 ? List.of("高血压") : List.of());
      put(d, "elderly_tags", age >= 60 && i % 3 == 0 ? List.of("独居") : age >= 60 && i % 3 == 1 ? List.of("空巢") : List.of());
      put(d, "assistance_tags", i % 10 == 0 ? List.of("低保") : List.of());
      put(d, "veteran_tags", i % 12 == 0 ? List.of("退役士兵") : List.of());
      put(d, "employment_support_tags", i % 14 == 0 ? List.of("登记失业") : List.of());
      put(d, "justice_tags", i % 15 == 2 ? List.of("社区矫正对象") : List.of());
      put(d, "public_safety_tags", i % 16 == 3 ? List.of("严重精神障碍患者") : List.of());
      put(d, "party_community_tags", i % 9 == 4 ? List.of("楼栋长") : List.of());
      if (i % 21 == 0) {
        d.put("disability_cert_no", id + "12");
        d.put("disability_category", "1");
        d.put("disability_grade", "2");
      }
      d.put("status", i % 25 == 24 ? "死亡" : i % 25 == 23 ? "迁出" : "在册");
      d.put("sources", List.of("gaj", "zfw"));
      d.put("provenance", Map.of(
          "full_name", Map.of("source", "gaj", "record_key", "rk:" + i, "source_time", "2026-01-01T00:00:00Z", "rule", "ordered"),
          "religion", Map.of("source", "gaj", "record_key", "rk:" + i, "source_time", "2026-01-01T00:00:00Z", "rule", "ordered"),
          "justice_tags", Map.of("source", "sfj", "record_key", "sq:" + i, "source_time", "2026-01-01T00:00:00Z", "rule", "ordered")));
      d.put("conflicts", Map.of(
          "phone", List.of(Map.of("value", "13900001111", "source", "zfw", "record_key", "z:" + i)),
          "religion", List.of(Map.of("value", "20", "source", "zfw", "record_key", "z:" + i))));
      d.put("quality", List.of());
      if (i % 15 == 2) {
        revealing(d, i);
      }
      d.put("updated_at", "2026-11-20T08:00:00Z");
      d.put("version", 1L);
      Set<String> all = new LinkedHashSet<>();
      for (String f : List.of("health_focus_tags", "elderly_tags", "assistance_tags", "veteran_tags", "employment_support_tags", "justice_tags", "public_safety_tags", "party_community_tags")) {
        @SuppressWarnings("unchecked")
        List<String> tags = (List<String>) d.getOrDefault(f, List.of());
        all.addAll(tags);
      }
      d.put("tag_all", new ArrayList<>(all));
      people.add(d);
    }
    return people;
  }

  /**
   * A person page as the merge writes it for someone 司法局 (sfj, restricted justice tags only) knows:
   * sfj among the sources, in provenance (also of a visible field), tag explanations and conflicts,
   * and quality notes quoting raw values (an ID, a phone, a name, an address, a sensitive code, a
   * restricted tag), each of which a caller without the grants must not get.
   */
  private static void revealing(Map<String, Object> d, int i) {
    String id = (String) d.get("id_number");
    String name = (String) d.get("full_name");
    // record keys as the merge writes them, <entity>:<key>: they name the register (sqjz_jzdx is 社区矫正)
    String key = "sqjz_jzdx:" + i;
    String gaj = "RK_JBXX:" + i;
    String zfw = "wg_rfxx:" + i;
    d.put("sources", List.of("gaj", "sfj", "zfw"));
    d.put("provenance", Map.of(
        "full_name", Map.of("source", "gaj", "record_key", key, "source_time", "2026-01-01T00:00:00Z", "rule", "ordered"),
        "phone", Map.of("source", "sfj", "record_key", key, "source_time", "2026-01-01T00:00:00Z", "rule", "latest"),
        "religion", Map.of("source", "gaj", "record_key", key, "source_time", "2026-01-01T00:00:00Z", "rule", "ordered"),
        "justice_tags", Map.of("source", "sfj", "record_key", key, "source_time", "2026-01-01T00:00:00Z", "rule", "ordered"),
        "tags", Map.of("社区矫正对象", Map.of("source", "sfj", "record_key", key, "rule", "validity"))));
    d.put("conflicts", Map.of(
        "phone", List.of(Map.of("value", "13900001111", "source", "zfw", "record_key", key)),
        "full_name", List.of(Map.of("value", name + "某", "source", "sfj", "record_key", key)),
        "religion", List.of(Map.of("value", "20", "source", "zfw", "record_key", key))));
    d.put("quality", List.of(
        "gaj " + gaj + ": id_number: INVALID_CHECKSUM (" + id + " has check digit 0)",
        "zfw " + zfw + ": phone: '" + "1390537" + String.format("%04d", i) + "5' is not a whole number",
        "zfw " + zfw + ": full_name: '" + name + "先生' is longer than 10 characters",
        "zfw " + zfw + ": community_code: no known community name in '山东省济宁市任城区古槐路12号3号楼2单元501室'",
        "gaj " + gaj + ": religion: 'XJ-religion-77' is not a code of table religion",
        "sfj " + key + ": full_name: '" + name + "' is longer than 10 characters",
        "zfw " + zfw + ": tags: zfw may not assert '社区矫正对象' (owners [sfj]); dropped",
        "SEX_DISAGREES_WITH_ID: 性别与证件号码第17位不符。Sex code 1 disagrees with the ID number's 17th digit (female): check the source record."));
  }

  private static void put(Map<String, Object> d, String field, List<String> tags) {
    if (!tags.isEmpty()) {
      d.put(field, tags);
    }
  }

  public static long count(List<Map<String, Object>> people, Predicate<Map<String, Object>> p) {
    return people.stream().filter(p).count();
  }

  public static boolean registered(Map<String, Object> d) {
    return "在册".equals(d.get("status"));
  }

  public static boolean hasTag(Map<String, Object> d, String field, String tag) {
    return d.get(field) instanceof List<?> l && l.contains(tag);
  }

  public static int age(Map<String, Object> d) {
    return java.time.Period.between(LocalDate.parse((String) d.get("birth_date")), TODAY).getYears();
  }
}
