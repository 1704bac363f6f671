package cn.jzz.hub.sim;

import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.util.List;

/**
 * One synthetic resident, as the truth the departments' systems are derived from. Key-group facts
 * are {@code null} when they do not apply to the person.
 *
 * @param idNumber the correct 18-character ID
 * @param communityCode the 12-digit community the person lives in
 * @param registered true for 户籍人口 (in gaj RK_JBXX), false for 流动人口 (LDRK_DJXX)
 * @param status gaj RYZT: 0 正常, 1 死亡, 2 迁出, 3 注销
 * @param phone the person's mobile number, 11 digits (departments write it in their own styles)
 * @param gridCode the 15-digit grid of the person's house
 * @param houseCode the house (fwbm) the person lives in
 * @param houseRelation 人房关系: 产权人, 共有人, 家庭成员, 承租人, 借住人
 * @param address the current address in full (济宁市…区…街道…社区…号…小区3号楼2单元501)
 * @param deathDate the date of death, known to 爱山东 swxx and (when status is 1) to gaj
 */
public record SimPerson(
    long seq,
    String idNumber,
    String name,
    String sexCode,
    LocalDate birthDate,
    String ethnicity,
    String hukouDivision,
    String hukouAddress,
    String householdNo,
    String relationToHead,
    String education,
    String maritalStatus,
    String politicalStatus,
    String religion,
    String communityCode,
    boolean registered,
    String status,
    String phone,
    String gridCode,
    String houseCode,
    String houseRelation,
    String address,
    Work work,
    LocalDate deathDate,
    Disability disability,
    Student student,
    Veteran veteran,
    PartyMember party,
    Unemployment unemployment,
    Correction correction,
    LocalDate releasedOn,
    Petition petition,
    DrugRehab drugRehab,
    Health health,
    ChildCare childCare) {

  public int age(LocalDate today) {
    return Period.between(birthDate, today).getYears();
  }

  public boolean alive() {
    return deathDate == null;
  }

  public boolean male() {
    return sexCode.equals("1");
  }

  /** Employment, for 人社 ac01; {@code pension} is the 险种 aae140 (110, 120, 170) or null. */
  public record Work(String employer, String occupation, String pension, String pensionState, boolean employee) {}

  /** 残疾人证: category 视力…多重, grade 一级…四级. */
  public record Disability(String certificateNo, String category, String grade, LocalDate issued) {}

  /** 学籍: lsrt 0/1/2 (2 = 留守儿童). */
  public record Student(String school, String grade, String state, String lsrt) {}

  /** 优抚对象. */
  public record Veteran(String category, YearMonth enlisted, YearMonth discharged) {}

  /** 党员: 党员中心户 and 楼栋长 are roles some members hold. */
  public record PartyMember(LocalDate joined, String type, String branch, boolean centralHousehold, boolean buildingLeader) {}

  /** 失业登记: {@code cancelled} is the 注销 date, {@code difficult} 就业困难人员. */
  public record Unemployment(LocalDate registered, LocalDate cancelled, boolean difficult) {}

  /** 社区矫正. */
  public record Correction(String category, LocalDate start, LocalDate end) {
    public boolean active(LocalDate today) {
      return end.isAfter(today);
    }
  }

  /** 信访 列管: {@code active} false = 撤管. */
  public record Petition(String risk, LocalDate listed, boolean active) {}

  /** 社区戒毒社区康复; {@code end} null while it lasts. */
  public record DrugRehab(LocalDate start, LocalDate end) {}

  /** 卫健委 health record. */
  public record Health(
      String status, List<String> chronic, boolean familyDoctorSigned, boolean severeMentalDisorder, boolean specialFamily, boolean pregnant) {}

  /**
   * A child in care: {@code mzjCategory} 孤儿/事实无人抚养儿童 (民政 child_care), {@code flCategory}
   * 留守儿童/困境儿童 (妇联), {@code guardianSeq} the guardian's seq or 0.
   */
  public record ChildCare(String mzjCategory, boolean mzjValid, String flCategory, long guardianSeq) {}
}
