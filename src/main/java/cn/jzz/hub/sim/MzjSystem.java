package cn.jzz.hub.sim;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Random;

/**
 * 民政局's MariaDB system ({@code dept_mzj}): assistance families and members, marriage registrations
 * (one row, two people) and children in care. Community names are text, sometimes with 居委会.
 */
public final class MzjSystem implements DatabaseDepartment {

  private static final long SALT = 0x4D5AL;

  @Override
  public String source() {
    return "mzj";
  }

  @Override
  public Engine engine() {
    return Engine.MARIADB;
  }

  @Override
  public void createTables(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("CREATE TABLE sa_family (family_id bigint PRIMARY KEY, assist_type varchar(8), community_name varchar(64), start_date date, "
          + "stop_date date NULL, status char(1), update_time datetime DEFAULT CURRENT_TIMESTAMP) DEFAULT CHARSET=utf8mb4");
      s.execute("CREATE TABLE sa_member (member_id bigint PRIMARY KEY, family_id bigint, id_card varchar(18), name varchar(64), relation varchar(16)) DEFAULT CHARSET=utf8mb4");
      s.execute("CREATE TABLE hy_djxx (id bigint PRIMARY KEY, man_id_card varchar(18), man_name varchar(64), woman_id_card varchar(18), woman_name varchar(64), "
          + "reg_type char(2), reg_date date) DEFAULT CHARSET=utf8mb4");
      s.execute("CREATE TABLE child_care (id bigint PRIMARY KEY, id_card varchar(18), name varchar(64), category varchar(16), valid char(1) DEFAULT '1') DEFAULT CHARSET=utf8mb4");
    }
  }

  @Override
  public DepartmentReport write(Connection c, SimWorld world, Dirt dirt, Progress progress) throws SQLException {
    DepartmentReport.Builder report = new DepartmentReport.Builder(source());
    Random r = new Random(world.seed() ^ SALT);
    c.setAutoCommit(false);
    try (Batch family = new Batch(c, "INSERT INTO sa_family (family_id,assist_type,community_name,start_date,stop_date,status,update_time) VALUES (?,?,?,?,?,?,?)", progress);
        Batch member = new Batch(c, "INSERT INTO sa_member (member_id,family_id,id_card,name,relation) VALUES (?,?,?,?,?)", progress);
        Batch marriage = new Batch(c, "INSERT INTO hy_djxx (id,man_id_card,man_name,woman_id_card,woman_name,reg_type,reg_date) VALUES (?,?,?,?,?,?,?)", progress);
        Batch child = new Batch(c, "INSERT INTO child_care (id,id_card,name,category,valid) VALUES (?,?,?,?,?)", progress)) {
      long memberId = 0;
      for (SimWorld.Family f : world.families()) {
        String community = f.communityName();
        if (Draw.chance(r, dirt.communitySuffix())) {
          community += "居委会";
          report.dirt("community-suffix");
        }
        family.add(f.id(), f.type(), community, f.start(), f.stop(), f.stop() == null ? "1" : "0",
            (f.stop() == null ? f.start() : f.stop()).atTime(9, 0).plusMinutes(r.nextInt(480)));
        for (SimWorld.FamilyMember m : f.members()) {
          SimPerson p = world.person(m.seq());
          String id = dirt.id(p, r, false, false);
          member.add(++memberId, f.id(), id, p.name(), m.relation());
          report.id("sa_member", id, p);
        }
      }
      long id = 0;
      for (SimWorld.Marriage m : world.marriages()) {
        SimPerson man = world.person(m.manSeq());
        SimPerson woman = world.person(m.womanSeq());
        String manId = dirt.id(man, r, false, false);
        String womanId = dirt.id(woman, r, false, false);
        marriage.add(++id, manId, man.name(), womanId, woman.name(), m.type(), m.date());
        report.id("hy_djxx", manId, man);
        report.id("hy_djxx", womanId, woman);
      }
      id = 0;
      for (SimPerson p : world.people()) {
        SimPerson.ChildCare care = p.childCare();
        if (care == null || care.mzjCategory() == null) {
          continue;
        }
        String written = dirt.id(p, r, false, false);
        child.add(++id, written, p.name(), care.mzjCategory(), care.mzjValid() ? "1" : "0");
        if (care.mzjValid()) {
          report.id("child_care", written, p);
        }
      }
      report.rows("sa_family", family.count()).rows("sa_member", member.count()).rows("hy_djxx", marriage.count()).rows("child_care", child.count());
    }
    c.commit();
    c.setAutoCommit(true);
    return report.build();
  }
}
