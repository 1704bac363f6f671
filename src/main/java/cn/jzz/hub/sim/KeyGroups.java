package cn.jzz.hub.sim;

import cn.jzz.hub.sim.Household.Draft;
import cn.jzz.hub.sim.Household.Role;
import cn.jzz.hub.sim.Household.Type;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Draws the facts that make people key-group members, at rates close to a real Chinese city: the
 * elderly come from the household types; disability about 6%; 低保/特困/低保边缘 about 2%; veterans,
 * party members, the unemployed, corrections, released prisoners, petitioners, the severely mentally
 * ill, drug rehabilitation, deaths, marriages and self-declared updates.
 */
final class KeyGroups {

  private static final String[] DISABILITY_CATEGORIES = {"肢体", "视力", "听力", "言语", "智力", "精神", "多重"};
  private static final int[] DISABILITY_WEIGHTS = {45, 12, 15, 2, 8, 10, 8};
  static final String[] GRADES = {"一级", "二级", "三级", "四级"};
  private static final int[] GRADE_WEIGHTS = {15, 25, 30, 30};
  private static final String[] EMPLOYERS = {"济宁市第一人民医院", "山东太阳纸业股份有限公司", "济宁银行股份有限公司", "如意科技集团有限公司", "山推工程机械股份有限公司", "济宁市任城区古槐街道办事处", "济宁市第十五中学", "兖矿能源集团股份有限公司", "济宁市公共交通集团", "个体经营"};
  private static final String[] OCCUPATIONS = {"工人", "教师", "医生", "护士", "会计", "司机", "销售人员", "公务员", "技术员", "个体工商户", "厨师", "保安"};
  private static final String[] VETERAN_CATEGORIES = {"退役士兵", "伤残军人", "带病回乡退伍军人", "在乡复员军人", "参战退役人员"};
  private static final int[] VETERAN_WEIGHTS = {65, 10, 10, 8, 7};
  private static final String[] CORRECTIONS = {"缓刑", "假释", "管制", "暂予监外执行"};
  private static final int[] CORRECTION_WEIGHTS = {70, 10, 5, 15};
  private static final String[] CHRONIC = {"高血压", "2型糖尿病", "冠心病", "慢性阻塞性肺疾病", "脑卒中"};
  private static final String[] SCHOOL_NAMES = {"实验", "第一", "第二", "育才", "阳光", "运河", "明德", "北湖"};
  private static final String[] PRIMARY_GRADES = {"一年级", "二年级", "三年级", "四年级", "五年级", "六年级"};
  private static final String[] HIGHER_GRADES = {"七年级", "八年级", "九年级", "高一", "高二", "高三"};

  private final Random r;
  private final LocalDate today;
  private final Housing housing;
  private final List<Draft> people;
  private final List<Household> households;
  private final List<SimWorld.Family> families = new ArrayList<>();
  private final List<SimWorld.Marriage> marriages = new ArrayList<>();
  private final List<SimWorld.Declaration> declarations = new ArrayList<>();

  KeyGroups(Random random, LocalDate today, Housing housing, List<Draft> people, List<Household> households) {
    this.r = random;
    this.today = today;
    this.housing = housing;
    this.people = people;
    this.households = households;
  }

  void assign() {
    for (Household h : households) {
      List<Draft> members = members(h);
      for (Draft d : members) {
        houseRelationAndMarriage(h, d, members);
        person(d);
      }
      children(h, members);
      family(h, members);
    }
    divorces();
    for (Draft d : people) {
      declaration(d);
    }
  }

  private List<Draft> members(Household h) {
    List<Draft> members = new ArrayList<>(h.members().size());
    for (long seq : h.members()) {
      members.add(people.get((int) seq - 1));
    }
    return members;
  }

  private void houseRelationAndMarriage(Household h, Draft d, List<Draft> members) {
    boolean hasSpouse = members.stream().anyMatch(m -> m.role == Role.SPOUSE);
    if (h.owner()) {
      d.houseRelation = switch (d.role) {
        case HEAD -> "产权人";
        case SPOUSE -> Draw.chance(r, 0.7) ? "共有人" : "家庭成员";
        default -> "家庭成员";
      };
    } else {
      d.houseRelation = d.role == Role.HEAD ? (Draw.chance(r, 0.9) ? "承租人" : "借住人") : Draw.chance(r, 0.2) ? "借住人" : "家庭成员";
    }
    int age = d.age(today);
    if (d.role == Role.SPOUSE || (d.role == Role.HEAD && hasSpouse) || (d.role == Role.PARENT && members.stream().filter(m -> m.role == Role.PARENT).count() == 2)) {
      d.maritalStatus = "20";
    } else if (d.role == Role.HEAD || d.role == Role.PARENT) {
      d.maritalStatus = age >= 60 ? (Draw.chance(r, 0.8) ? "30" : "40") : age >= 30 ? (Draw.chance(r, 0.5) ? "40" : "10") : "10";
    } else {
      d.maritalStatus = age >= 22 && Draw.chance(r, 0.3) ? "20" : "10";
    }
    if (d.role == Role.SPOUSE && Draw.chance(r, 0.35)) {
      Draft head = members.get(0);
      int youngerAge = Math.min(age, head.age(today));
      LocalDate wedding = today.minusYears(Math.max(0, youngerAge - Draw.between(r, 21, 29))).minusDays(r.nextInt(365));
      marriages.add(new SimWorld.Marriage(head.seq, d.seq, "JH", wedding));
      if (Draw.chance(r, 0.05)) {
        LocalDate reissued = wedding.plusYears(Draw.between(r, 1, 10));
        marriages.add(new SimWorld.Marriage(head.seq, d.seq, "BF", reissued.isBefore(today) ? reissued : today.minusDays(30)));
      }
    }
  }

  /** Facts about one person that do not depend on the rest of the household. */
  private void person(Draft d) {
    int age = d.age(today);
    boolean adult = age >= 18;
    boolean elderly = age >= 60;
    if (Draw.chance(r, elderly ? 0.04 : 0.003)) {
      d.deathDate = today.minusDays(Draw.between(r, 1, 3 * 365));
      if (d.deathDate.isBefore(d.birth)) {
        d.deathDate = today.minusDays(1);
      }
    }
    if (d.registered) {
      // 公安 learns of most deaths; 爱山东 swxx knows the rest (see SimWorld's swxx dataset).
      d.status = d.deathDate != null ? (Draw.chance(r, 0.75) ? "1" : "0") : Draw.chance(r, 0.015) ? "2" : Draw.chance(r, 0.005) ? "3" : "0";
    }
    if (Draw.chance(r, elderly ? 0.16 : 0.035)) {
      String category = Draw.weighted(r, DISABILITY_CATEGORIES, DISABILITY_WEIGHTS);
      String grade = Draw.weighted(r, GRADES, GRADE_WEIGHTS);
      int categoryDigit = 1 + java.util.Arrays.asList(DISABILITY_CATEGORIES).indexOf(category);
      int gradeDigit = 1 + java.util.Arrays.asList(GRADES).indexOf(grade);
      LocalDate issued = today.minusDays(Draw.between(r, 30, 15 * 365));
      d.disability = new SimPerson.Disability(d.idNumber + categoryDigit + gradeDigit, category, grade, issued.isBefore(d.birth) ? d.birth.plusDays(30) : issued);
    }
    if (age >= 6 && age <= 18 && d.deathDate == null) {
      String stage = age <= 11 ? "小学" : age <= 14 ? "初级中学" : "高级中学";
      String school = "济宁市" + Geography.countyName(d.slot.community().countyCode()) + Draw.pick(r, SCHOOL_NAMES) + (stage.equals("初级中学") ? "中学" : stage);
      String grade = age <= 11 ? PRIMARY_GRADES[age - 6] : HIGHER_GRADES[Math.min(5, age - 12)];
      String state = age == 18 ? "03" : Draw.chance(r, 0.01) ? "02" : Draw.chance(r, 0.02) ? "04" : "01";
      String lsrt = d.householdType == Type.LEFT_BEHIND ? "2" : d.householdType == Type.SINGLE_PARENT && Draw.chance(r, 0.2) ? "1" : "0";
      d.student = new SimPerson.Student(school, grade, state, lsrt);
    }
    if (d.sex.equals("1") && age >= 24 && Draw.chance(r, 0.06)) {
      int enlistAge = Draw.between(r, 18, 20);
      YearMonth enlisted = YearMonth.from(d.birth.plusYears(enlistAge)).withMonth(Draw.chance(r, 0.8) ? 12 : 3);
      YearMonth discharged = enlisted.plusYears(Draw.between(r, 2, Math.min(16, age - enlistAge - 1))).withMonth(Draw.chance(r, 0.8) ? 12 : 9);
      String category = age >= 80 ? "在乡复员军人" : Draw.weighted(r, VETERAN_CATEGORIES, VETERAN_WEIGHTS);
      d.veteran = new SimPerson.Veteran(category, enlisted, discharged.isAfter(YearMonth.from(today)) ? YearMonth.from(today).minusMonths(1) : discharged);
    }
    if (adult && Draw.chance(r, elderly ? 0.15 : 0.08)) {
      boolean probationary = Draw.chance(r, 0.05);
      LocalDate joined = probationary ? today.minusDays(Draw.between(r, 10, 360)) : d.birth.plusYears(Draw.between(r, 20, Math.max(20, Math.min(age - 1, 45)))).plusDays(r.nextInt(365));
      if (joined.isAfter(today.minusYears(1)) && !probationary) {
        joined = today.minusYears(2);
      }
      String branch = d.slot.community().name() + "第" + Draw.between(r, 1, 3) + "党支部";
      d.party = new SimPerson.PartyMember(joined, probationary ? "预备党员" : "正式党员", branch, Draw.chance(r, 0.1), Draw.chance(r, 0.08));
      d.politicalStatus = probationary ? "02" : "01";
    } else if (age >= 14 && age <= 28 && Draw.chance(r, 0.3)) {
      d.politicalStatus = "03";
    }
    if (adult && age < 60 && d.student == null) {
      if (Draw.chance(r, 0.6)) {
        boolean institution = Draw.chance(r, 0.12);
        String employer = Draw.pick(r, EMPLOYERS);
        d.work = new SimPerson.Work(employer, Draw.pick(r, OCCUPATIONS), institution ? "120" : "110", pensionState(d), true);
      } else {
        if (Draw.chance(r, 0.1)) {
          LocalDate registered = today.minusDays(Draw.between(r, 10, 3 * 365));
          LocalDate cancelled = Draw.chance(r, 0.3) ? registered.plusDays(Draw.between(r, 30, (int) Math.max(31, registered.until(today).toTotalMonths() * 30))) : null;
          d.unemployment = new SimPerson.Unemployment(registered, cancelled != null && cancelled.isAfter(today) ? today.minusDays(1) : cancelled, Draw.chance(r, 0.25));
        }
        d.work = Draw.chance(r, 0.6) ? new SimPerson.Work(null, null, "170", pensionState(d), false) : null;
      }
    } else if (elderly) {
      double roll = r.nextDouble();
      d.work = roll < 0.45 ? new SimPerson.Work(null, "退休人员", "110", pensionState(d), false) : roll < 0.85 ? new SimPerson.Work(null, null, "170", pensionState(d), false) : null;
    }
    if (adult && age <= 65 && Draw.chance(r, 0.0015)) {
      LocalDate start = today.minusDays(Draw.between(r, 30, 3 * 365));
      d.correction = new SimPerson.Correction(Draw.weighted(r, CORRECTIONS, CORRECTION_WEIGHTS), start, start.plusMonths(Draw.between(r, 6, 36)));
    }
    if (age >= 20 && age <= 70 && Draw.chance(r, 0.002)) {
      d.releasedOn = today.minusDays(Draw.between(r, 30, 12 * 365));
    }
    if (adult && Draw.chance(r, 0.0025)) {
      d.petition = new SimPerson.Petition(Draw.weighted(r, new String[] {"高", "中", "低"}, new int[] {15, 35, 50}), today.minusDays(Draw.between(r, 7, 5 * 365)), Draw.chance(r, 0.7));
    }
    if (adult && age <= 55 && Draw.chance(r, 0.0012)) {
      LocalDate start = today.minusDays(Draw.between(r, 30, 4 * 365));
      LocalDate end = start.plusYears(3);
      d.drugRehab = new SimPerson.DrugRehab(start, end.isAfter(today) ? null : end);
    }
    if (d.deathDate == null && Draw.chance(r, 0.9)) {
      List<String> chronic = new ArrayList<>();
      double chronicRate = elderly ? 0.45 : adult && age >= 40 ? 0.15 : 0.01;
      if (Draw.chance(r, chronicRate)) {
        chronic.add(Draw.pick(r, CHRONIC));
        if (Draw.chance(r, 0.3)) {
          String second = Draw.pick(r, CHRONIC);
          if (!chronic.contains(second)) {
            chronic.add(second);
          }
        }
      }
      String status = d.disability != null && Draw.chance(r, 0.5) ? "残疾" : !chronic.isEmpty() ? "慢性病" : Draw.chance(r, 0.3) ? "一般" : "良好";
      boolean pregnant = d.sex.equals("2") && age >= 20 && age <= 40 && Draw.chance(r, 0.04);
      d.health = new SimPerson.Health(status, List.copyOf(chronic), Draw.chance(r, elderly ? 0.75 : 0.3), adult && Draw.chance(r, 0.004), age >= 50 && Draw.chance(r, 0.003), pregnant);
    }
  }

  private String pensionState(Draft d) {
    if (d.deathDate != null) {
      return "3";
    }
    return Draw.chance(r, 0.06) ? "2" : Draw.chance(r, 0.03) ? "3" : "1";
  }

  /** 孤儿/事实无人抚养 (民政) among children raised by grandparents; 留守/困境 (妇联) with a guardian. */
  private void children(Household h, List<Draft> members) {
    Draft guardian = members.get(0);
    for (Draft d : members) {
      if (d.age(today) >= 18 || d.deathDate != null || (d.role != Role.CHILD && d.role != Role.GRANDCHILD)) {
        continue;
      }
      String mzj = null;
      boolean valid = true;
      if ((h.type() == Type.LEFT_BEHIND || h.type() == Type.THREE_GENERATIONS) && Draw.chance(r, h.type() == Type.LEFT_BEHIND ? 0.06 : 0.003)) {
        mzj = Draw.chance(r, 0.4) ? "孤儿" : "事实无人抚养儿童";
        valid = Draw.chance(r, 0.9);
      }
      String fl = h.type() == Type.LEFT_BEHIND && d.age(today) >= 3 ? "留守儿童" : Draw.chance(r, 0.015) || d.disability != null ? "困境儿童" : null;
      if (mzj != null || fl != null) {
        d.childCare = new SimPerson.ChildCare(mzj, valid, fl, guardian == d ? 0 : guardian.seq);
      }
    }
  }

  /** 低保/特困/低保边缘: poorer households (the elderly alone, the disabled) more often. */
  private void family(Household h, List<Draft> members) {
    boolean disabled = members.stream().anyMatch(m -> m.disability != null);
    double p = 0.014 * (1 + (disabled ? 2 : 0) + (h.type() == Type.ELDER_ALONE ? 2 : 0));
    if (h.migrant() || !Draw.chance(r, p)) {
      return;
    }
    String type = h.type() == Type.ELDER_ALONE && Draw.chance(r, 0.5) ? "TK" : Draw.chance(r, 0.65) ? "DB" : "DBBY";
    LocalDate start = today.minusDays(Draw.between(r, 60, 8 * 365));
    LocalDate stop = Draw.chance(r, 0.2) ? start.plusDays(Draw.between(r, 30, (int) Math.max(31, start.until(today).toTotalMonths() * 30 - 1))) : null;
    if (stop != null && !stop.isBefore(today)) {
      stop = today.minusDays(1);
    }
    List<SimWorld.FamilyMember> list = new ArrayList<>();
    for (Draft d : members) {
      String relation = switch (d.role) {
        case HEAD -> "本人";
        case SPOUSE -> "配偶";
        case CHILD -> "子女";
        case PARENT -> "父母";
        default -> "其他";
      };
      list.add(new SimWorld.FamilyMember(d.seq, relation));
    }
    families.add(new SimWorld.Family(families.size() + 1L, type, h.communityCode(), housing.communities().stream().filter(c -> c.code().equals(h.communityCode())).findFirst().orElseThrow().name(), start, stop, List.copyOf(list)));
  }

  /** 离婚登记: one row, two people — a divorced man and a divorced woman paired in order. */
  private void divorces() {
    Draft man = null;
    for (Draft d : people) {
      if (!d.maritalStatus.equals("40")) {
        continue;
      }
      if (d.sex.equals("1") && man == null) {
        man = d;
      } else if (d.sex.equals("2") && man != null) {
        LocalDate date = today.minusDays(Draw.between(r, 100, 20 * 365));
        LocalDate adult = (man.birth.isAfter(d.birth) ? man.birth : d.birth).plusYears(22);
        marriages.add(new SimWorld.Marriage(man.seq, d.seq, "LH", date.isBefore(adult) ? adult : date));
        man = null;
      }
    }
  }

  /** 爱山东 居民自主申报: about 2% of living adults, pending, approved or rejected. */
  private void declaration(Draft d) {
    if (d.deathDate != null || d.age(today) < 18 || !Draw.chance(r, 0.02)) {
      return;
    }
    String shzt = Draw.weighted(r, new String[] {"0", "1", "2"}, new int[] {20, 65, 15});
    LocalDateTime submitted = today.atTime(9, 0).minusMinutes(Draw.between(r, 60, 60 * 24 * 60));
    String contact = Population.name(r, Population.surname(r), "1") + "/" + Draw.pick(r, new String[] {"子女", "配偶", "兄弟姐妹", "朋友"}) + "/" + Draw.mobile(r);
    declarations.add(new SimWorld.Declaration(d.seq, Draw.chance(r, 0.5) ? Draw.mobile(r) : d.phone, housing.address(d.slot, false), contact, submitted, shzt));
  }

  List<SimWorld.Family> families() {
    return families;
  }

  List<SimWorld.Marriage> marriages() {
    return marriages;
  }

  List<SimWorld.Declaration> declarations() {
    return declarations;
  }
}
