package cn.jzz.hub.identity;

import java.time.LocalDate;

public record ParsedId(String number, IdType type, LocalDate birthDate, String sexCode, String areaCode, boolean upgradedFrom15) {}
