package cn.jzz.hub.sim;

import cn.jzz.hub.sim.Places.Grid;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * 政法委's grid centre (PostgreSQL {@code dept_zfw}): wg_wgxx grids and wg_rfxx 入户采集 rows as grid
 * workers type them — phones in four styles, tags joined with , or ，, move-in dates in three formats,
 * earlier addresses withdrawn (yxbz 0) when people move.
 */
public final class ZfwSystem implements DatabaseDepartment {

  private static final long SALT = 0x5A4657L;

  @Override
  public String source() {
    return "zfw";
  }

  @Override
  public Engine engine() {
    return Engine.POSTGRESQL;
  }

  @Override
  public void createTables(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("CREATE TABLE wg_wgxx (wgbm char(15) PRIMARY KEY, wgmc varchar(100), sqdm char(12), wgyxm varchar(64), wgydh varchar(20))");
      s.execute("CREATE TABLE wg_rfxx (id bigint PRIMARY KEY, sfzh varchar(18), xm varchar(64), lxdh varchar(20), fwbm varchar(32), wgbm char(15), rfgx varchar(16), "
          + "rhzt char(1) DEFAULT '1', jjlxr varchar(100), bq varchar(200), rzrq varchar(16), cjsj timestamp DEFAULT localtimestamp, yxbz char(1) DEFAULT '1')");
      s.execute("ALTER TABLE wg_wgxx REPLICA IDENTITY FULL");
      s.execute("ALTER TABLE wg_rfxx REPLICA IDENTITY FULL");
    }
  }

  @Override
  public DepartmentReport write(Connection c, SimWorld world, Dirt dirt, Progress progress) throws SQLException {
    DepartmentReport.Builder report = new DepartmentReport.Builder(source());
    Random r = new Random(world.seed() ^ SALT);
    Map<Long, Household> households = new HashMap<>();
    for (Household h : world.households()) {
      h.members().forEach(seq -> households.put(seq, h));
    }
    Map<Long, String> assisted = new HashMap<>();
    for (SimWorld.Family f : world.families()) {
      if (f.stop() == null) {
        f.members().forEach(m -> assisted.put(m.seq(), f.type().equals("TK") ? "特困" : f.type().equals("DB") ? "低保" : "低保边缘"));
      }
    }
    LocalDate today = world.today();
    c.setAutoCommit(false);
    try (Batch grids = new Batch(c, "INSERT INTO wg_wgxx (wgbm,wgmc,sqdm,wgyxm,wgydh) VALUES (?,?,?,?,?)", progress);
        Batch rows = new Batch(c, "INSERT INTO wg_rfxx (id,sfzh,xm,lxdh,fwbm,wgbm,rfgx,rhzt,jjlxr,bq,rzrq,cjsj,yxbz) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)", progress)) {
      for (Grid g : world.grids()) {
        grids.add(g.code(), g.name(), g.communityCode(), g.workerName(), g.workerPhone());
      }
      for (SimPerson p : world.people()) {
        if (!Draw.chance(r, 0.97)) {
          continue;
        }
        String sfzh = dirt.id(p, r, false, true);
        LocalDate movedIn = today.minusDays(Draw.between(r, 30, 20 * 365));
        if (movedIn.isBefore(p.birthDate())) {
          movedIn = p.birthDate();
        }
        LocalDateTime collected = world.extractedAt().minusMinutes(Draw.between(r, 60, 700_000));
        if (Draw.chance(r, dirt.cancelled())) {
          // An earlier address, withdrawn when the person moved here.
          Places.House old = Draw.pick(r, world.houses());
          rows.add(currentRowId(p) - 1, sfzh, p.name(), phone(r, p, today), old.code(), p.gridCode(), p.houseRelation(), "1", null, null,
              rzrq(r, movedIn.minusYears(3)), collected.minusDays(400), "0");
          report.dirt("cancelled");
        }
        Household h = households.get(p.seq());
        String tags = String.join(Draw.chance(r, dirt.fullWidthComma()) ? "，" : ",", tags(p, h, world, assisted.get(p.seq())));
        if (tags.contains("，")) {
          report.dirt("full-width-comma");
        }
        String rhzt = Draw.weighted(r, new String[] {"1", "2", "3"}, new int[] {85, 10, 5});
        String contact = p.age(today) >= 60 && h.members().size() <= 2 ? Population.name(r, Population.surname(r), "1") + "/子女/" + Draw.mobile(r) : null;
        rows.add(currentRowId(p), sfzh, p.name(), phone(r, p, today), p.houseCode(), p.gridCode(), p.houseRelation(), rhzt, contact, tags.isEmpty() ? null : tags,
            rzrq(r, movedIn), collected, p.alive() ? "1" : "0");
        if (p.alive()) {
          report.id("wg_rfxx", sfzh, p);
        }
      }
      report.rows("wg_wgxx", grids.count()).rows("wg_rfxx", rows.count());
    }
    c.commit();
    c.setAutoCommit(true);
    return report.build();
  }

  /** The id of a person's current wg_rfxx row (an earlier, withdrawn one has this minus 1). */
  static long currentRowId(SimPerson p) {
    return p.seq() * 2;
  }

  /** The tags a grid worker notes: 独居, 空巢, 失能, 残疾, 留守儿童, 低保/特困/低保边缘, 党员. */
  static List<String> tags(SimPerson p, Household h, SimWorld world, String assistance) {
    List<String> tags = new ArrayList<>();
    int age = p.age(world.today());
    if (age >= 60 && h.members().size() == 1) {
      tags.add("独居");
    } else if (age >= 60 && h.members().stream().allMatch(seq -> world.person(seq).age(world.today()) >= 60)) {
      tags.add("空巢");
    }
    if (p.disability() != null) {
      tags.add(age >= 60 && (p.disability().grade().equals("一级") || p.disability().grade().equals("二级")) ? "失能" : "残疾");
    }
    if (p.student() != null && p.student().lsrt().equals("2")) {
      tags.add("留守儿童");
    }
    if (assistance != null) {
      tags.add(assistance);
    }
    if (p.party() != null) {
      tags.add("党员");
    }
    return tags;
  }

  /** The person's phone in one of the four styles grid workers type; a landline for some of the elderly. */
  static String phone(Random r, SimPerson p, LocalDate today) {
    if (p.phone() == null) {
      return null;
    }
    int style = r.nextInt(p.age(today) >= 60 ? 4 : 3);
    String m = p.phone();
    return switch (style) {
      case 0 -> m;
      case 1 -> m.substring(0, 3) + " " + m.substring(3, 7) + " " + m.substring(7);
      case 2 -> "+86" + m;
      default -> "0537-" + (2000000 + Math.floorMod(m.hashCode(), 7000000));
    };
  }

  /** 入住日期 in the three formats grid workers use. */
  static String rzrq(Random r, LocalDate date) {
    return switch (r.nextInt(3)) {
      case 0 -> date.toString();
      case 1 -> date.getYear() + "年" + date.getMonthValue() + "月";
      default -> date.format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE);
    };
  }
}
