package cn.jzz.hub.sim;

import cn.jzz.hub.sim.Places.House;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * 自然资源和规划局's 不动产登记 (MariaDB {@code dept_zrzyj}): bdc_qlr 权利人 of the owned houses. Some rows
 * lack fwbm; a sold house keeps its former owner's row with zxbz {@code 1}.
 */
public final class ZrzyjSystem implements DatabaseDepartment {

  private static final long SALT = 0x5A525AL;

  @Override
  public String source() {
    return "zrzyj";
  }

  @Override
  public Engine engine() {
    return Engine.MARIADB;
  }

  @Override
  public void createTables(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("CREATE TABLE bdc_qlr (id bigint PRIMARY KEY, bdcdyh varchar(28), fwbm varchar(32) NULL, qlrmc varchar(64), zjzl char(1) DEFAULT '1', "
          + "zjh varchar(18), gyfs varchar(8), djsj datetime DEFAULT CURRENT_TIMESTAMP, zxbz char(1) DEFAULT '0', KEY bdc_qlr_djsj (djsj)) DEFAULT CHARSET=utf8mb4");
    }
  }

  @Override
  public DepartmentReport write(Connection c, SimWorld world, Dirt dirt, Progress progress) throws SQLException {
    DepartmentReport.Builder report = new DepartmentReport.Builder(source());
    Random r = new Random(world.seed() ^ SALT);
    Map<String, House> houses = world.houses().stream().collect(Collectors.toMap(House::code, Function.identity()));
    LocalDateTime now = world.extractedAt();
    c.setAutoCommit(false);
    try (Batch rows = new Batch(c, "INSERT INTO bdc_qlr (id,bdcdyh,fwbm,qlrmc,zjzl,zjh,gyfs,djsj,zxbz) VALUES (?,?,?,?,?,?,?,?,?)", progress)) {
      long id = 0;
      for (Household h : world.households()) {
        if (!h.owner()) {
          continue;
        }
        House house = houses.get(h.houseCode());
        List<SimPerson> owners = new ArrayList<>();
        for (long seq : h.members()) {
          SimPerson p = world.person(seq);
          if (p.houseRelation().equals("产权人") || p.houseRelation().equals("共有人")) {
            owners.add(p);
          }
        }
        String share = owners.size() == 1 ? "单独所有" : Draw.chance(r, 0.9) ? "共同共有" : "按份共有";
        LocalDateTime registered = now.minusMinutes(Draw.between(r, 60, 20 * 365 * 24 * 60));
        String fwbm = house.code();
        if (Draw.chance(r, dirt.nullHouseCode())) {
          fwbm = null;
          report.dirt("null-fwbm");
        }
        if (Draw.chance(r, dirt.cancelled())) {
          // The previous owner: someone else in the world, whose registration was cancelled at the sale.
          SimPerson former = world.person(1 + r.nextInt(world.people().size()));
          rows.add(++id, house.unitNo(), fwbm, former.name(), "1", former.idNumber(), "单独所有", registered.minusDays(Draw.between(r, 400, 3000)), "1");
          report.dirt("cancelled");
        }
        for (SimPerson p : owners) {
          String zjh = dirt.id(p, r, false, false);
          rows.add(++id, house.unitNo(), fwbm, p.name(), "1", zjh, share, registered, "0");
          report.id("bdc_qlr", zjh, p);
        }
      }
      report.rows("bdc_qlr", rows.count());
    }
    c.commit();
    c.setAutoCommit(true);
    return report.build();
  }
}
