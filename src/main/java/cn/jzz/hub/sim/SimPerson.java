package cn.jzz.hub.sim;

import java.time.LocalDate;

/**
 * One synthetic resident, as the truth the departments' systems are derived from.
 *
 * @param idNumber the correct 18-character ID
 * @param communityCode the 12-digit community the person lives in
 * @param registered true for 户籍人口 (in gaj RK_JBXX), false for 流动人口 (LDRK_DJXX)
 * @param status gaj RYZT: 0 正常, 1 死亡, 2 迁出, 3 注销
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
    String status) {}
