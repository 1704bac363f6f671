package cn.jzz.hub.sim;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The records the two outside APIs serve, built from the world in exactly departments.md's JSON
 * shapes: 卫健委 health-records items (updatedAt ISO-8601 with +08:00) and 爱山东 rows (every value a
 * string, dates yyyyMMdd, times yyyyMMddHHmmss local).
 */
public final class ApiDatasets {

  /** wjw and ishandong resources this class knows. */
  public static final List<String> WJW = List.of("health-records");
  public static final List<String> ISHANDONG = List.of("jmzzsb", "swxx", "ylbx");
  private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
  private static final ZoneOffset PLUS8 = ZoneOffset.ofHours(8);
  private static final DateTimeFormatter ISO_PLUS8 = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

  /** One resource's records and what the hub should accept from them. */
  public record Dataset(String source, String resource, List<Map<String, Object>> records, DepartmentReport report) {}

  private ApiDatasets() {}

  public static Dataset build(SimWorld world, String source, String resource, Dirt dirt) {
    String key = source + "/" + resource;
    Random r = new Random(world.seed() ^ key.hashCode());
    DepartmentReport.Builder report = new DepartmentReport.Builder(source);
    List<Map<String, Object>> records = switch (key) {
      case "wjw/health-records" -> healthRecords(world, dirt, r, report);
      case "ishandong/jmzzsb" -> declarations(world, dirt, r, report);
      case "ishandong/swxx" -> deaths(world, dirt, r, report);
      case "ishandong/ylbx" -> pensions(world, dirt, r, report);
      default -> throw new IllegalArgumentException("no simulated API dataset " + key + "; known: wjw/" + WJW + ", ishandong/" + ISHANDONG);
    };
    report.rows(resource, records.size());
    return new Dataset(source, resource, records, report.build());
  }

  private static List<Map<String, Object>> healthRecords(SimWorld world, Dirt dirt, Random r, DepartmentReport.Builder report) {
    List<Map<String, Object>> items = new ArrayList<>();
    for (SimPerson p : world.people()) {
      SimPerson.Health h = p.health();
      if (h == null) {
        continue;
      }
      String id = dirt.id(p, r, false, false);
      LocalDateTime updated = world.extractedAt().minusMinutes(Draw.between(r, 1, 400_000));
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("idCard", id);
      m.put("name", p.name());
      m.put("healthStatus", h.status());
      m.put("chronic", h.chronic());
      m.put("familyDoctorSigned", h.familyDoctorSigned());
      m.put("severeMentalDisorder", h.severeMentalDisorder());
      m.put("specialFamily", h.specialFamily());
      m.put("pregnant", h.pregnant());
      m.put("updatedAt", updated.atOffset(PLUS8).format(ISO_PLUS8));
      items.add(m);
      report.id("health-records", id, p);
    }
    return items;
  }

  private static List<Map<String, Object>> declarations(SimWorld world, Dirt dirt, Random r, DepartmentReport.Builder report) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (SimWorld.Declaration d : world.declarations()) {
      SimPerson p = world.person(d.seq());
      String id = dirt.id(p, r, false, false);
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("SFZHM", id);
      m.put("XM", p.name());
      m.put("LXDH", d.phone());
      m.put("XZZ", d.address());
      m.put("JJLXR", d.contact());
      m.put("SBSJ", d.submitted().format(TIME));
      m.put("SHZT", d.shzt());
      rows.add(m);
      // Only an approved declaration changes a record; pending and rejected ones add nobody.
      if (d.shzt().equals("1")) {
        report.id("jmzzsb", id, p);
      }
    }
    return rows;
  }

  /** 死亡信息: most deaths; every death 公安 has not recorded (RYZT still 0, or a migrant) is here. */
  private static List<Map<String, Object>> deaths(SimWorld world, Dirt dirt, Random r, DepartmentReport.Builder report) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (SimPerson p : world.people()) {
      if (p.alive()) {
        continue;
      }
      boolean knownToGaj = p.registered() && p.status().equals("1");
      if (knownToGaj && !Draw.chance(r, 0.6)) {
        continue;
      }
      String id = dirt.id(p, r, false, false);
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("SFZHM", id);
      m.put("XM", p.name());
      m.put("SWRQ", p.deathDate().format(DAY));
      m.put("XXLY", Draw.pick(r, new String[] {"医疗机构", "殡葬服务机构", "公安机关"}));
      rows.add(m);
      report.id("swxx", id, p);
    }
    return rows;
  }

  private static List<Map<String, Object>> pensions(SimWorld world, Dirt dirt, Random r, DepartmentReport.Builder report) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (SimPerson p : world.people()) {
      SimPerson.Work w = p.work();
      if (w == null || w.pension() == null || !Draw.chance(r, 0.6)) {
        continue;
      }
      String scheme = switch (w.pension()) {
        case "110" -> "企业职工基本养老保险";
        case "120" -> "机关事业单位养老保险";
        default -> "城乡居民基本养老保险";
      };
      String state = switch (w.pensionState()) {
        case "1" -> p.age(world.today()) >= 60 ? "正常待遇领取" : "参保缴费";
        case "2" -> "暂停缴费";
        default -> "终止参保";
      };
      String id = dirt.id(p, r, false, false);
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("SFZHM", id);
      m.put("XM", p.name());
      m.put("XZLX", scheme);
      m.put("CBZT", state);
      m.put("GXSJ", world.extractedAt().minusMinutes(Draw.between(r, 1, 300_000)).format(TIME));
      rows.add(m);
      report.id("ylbx", id, p);
    }
    return rows;
  }
}
