package cn.jzz.hub.sim;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A household living in one house. Its type decides its members' ages, which is how the elderly
 * (about 20%), 独居, 空巢 and 留守儿童 come out at realistic rates.
 *
 * @param members the members' {@link SimPerson#seq()}s, head first
 */
public record Household(String no, String houseCode, String communityCode, Type type, boolean migrant, boolean owner, List<Long> members) {

  /** The kinds of household, with their share of all households in percent. */
  public enum Type {
    ELDER_ALONE(7),
    ELDER_COUPLE(9),
    SINGLE(10),
    COUPLE(13),
    NUCLEAR(33),
    SINGLE_PARENT(5),
    THREE_GENERATIONS(14),
    COUPLE_WITH_PARENT(6),
    /** Grandparents raising grandchildren whose parents both work away: 留守儿童. */
    LEFT_BEHIND(3);

    private final int weight;

    Type(int weight) {
      this.weight = weight;
    }

    static Type draw(Random random) {
      Type[] all = values();
      int[] weights = new int[all.length];
      for (int i = 0; i < all.length; i++) {
        weights[i] = all[i].weight;
      }
      return Draw.weighted(random, all, weights);
    }

    List<Member> members(Random r, LocalDate today) {
      List<Member> m = new ArrayList<>();
      switch (this) {
        case ELDER_ALONE -> m.add(head(r, today, 62, 95, sex(r)));
        case ELDER_COUPLE -> {
          int age = Draw.between(r, 62, 88);
          m.add(head(r, today, age, age, "1"));
          m.add(spouse(r, today, Math.max(60, age - Draw.between(r, 0, 4))));
        }
        case SINGLE -> m.add(head(r, today, 20, 59, sex(r)));
        case COUPLE -> {
          int age = Draw.between(r, 22, 62);
          m.add(head(r, today, age, age, "1"));
          m.add(spouse(r, today, Math.max(20, age - Draw.between(r, 0, 4))));
        }
        case NUCLEAR -> {
          int age = Draw.between(r, 26, 52);
          m.add(head(r, today, age, age, "1"));
          m.add(spouse(r, today, age - Draw.between(r, 0, 4)));
          children(r, today, m, age, 1 + r.nextInt(2), false);
        }
        case SINGLE_PARENT -> {
          int age = Draw.between(r, 26, 50);
          m.add(head(r, today, age, age, sex(r)));
          children(r, today, m, age, 1, false);
        }
        case THREE_GENERATIONS -> {
          int age = Draw.between(r, 28, 50);
          m.add(head(r, today, age, age, "1"));
          m.add(spouse(r, today, age - Draw.between(r, 0, 4)));
          children(r, today, m, age, 1 + r.nextInt(2), false);
          int parentAge = age + Draw.between(r, 23, 32);
          m.add(new Member(Role.PARENT, "1", birth(r, today, parentAge), "51", true));
          if (Draw.chance(r, 0.7)) {
            m.add(new Member(Role.PARENT, "2", birth(r, today, parentAge - Draw.between(r, 0, 4)), "52", false));
          }
        }
        case COUPLE_WITH_PARENT -> {
          int age = Draw.between(r, 35, 59);
          m.add(head(r, today, age, age, "1"));
          m.add(spouse(r, today, age - Draw.between(r, 0, 4)));
          m.add(new Member(Role.PARENT, sex(r), birth(r, today, Math.min(99, age + Draw.between(r, 24, 34))), "50", true));
        }
        case LEFT_BEHIND -> {
          int age = Draw.between(r, 55, 78);
          m.add(head(r, today, age, age, "1"));
          if (Draw.chance(r, 0.8)) {
            m.add(spouse(r, today, age - Draw.between(r, 0, 4)));
          }
          children(r, today, m, age - 26, 1 + r.nextInt(2), true);
        }
      }
      return m;
    }

    private static void children(Random r, LocalDate today, List<Member> m, int parentAge, int count, boolean grandchildren) {
      int oldest = Math.max(0, Math.min(grandchildren ? 16 : 26, parentAge - 22));
      for (int i = 0; i < count; i++) {
        String sex = sex(r);
        int age = grandchildren ? Draw.between(r, 3, Math.max(3, oldest)) : Draw.between(r, 0, oldest);
        String relation = grandchildren ? (sex.equals("1") ? "41" : "42") : (sex.equals("1") ? "20" : "30");
        m.add(new Member(grandchildren ? Role.GRANDCHILD : Role.CHILD, sex, birth(r, today, age), relation, true));
      }
    }

    private static Member head(Random r, LocalDate today, int minAge, int maxAge, String sex) {
      return new Member(Role.HEAD, sex, birth(r, today, Draw.between(r, minAge, maxAge)), "02", true);
    }

    private static Member spouse(Random r, LocalDate today, int age) {
      return new Member(Role.SPOUSE, "2", birth(r, today, age), "10", false);
    }

    private static String sex(Random r) {
      return r.nextBoolean() ? "1" : "2";
    }

    private static LocalDate birth(Random r, LocalDate today, int age) {
      return today.minusYears(age).minusDays(r.nextInt(365));
    }
  }

  /** A member's place in the household. */
  public enum Role {
    HEAD,
    SPOUSE,
    CHILD,
    PARENT,
    GRANDCHILD
  }

  /** What the household type says about one member; {@code relationCode} is gaj YHZGX. */
  record Member(Role role, String sex, LocalDate birth, String relationCode, boolean takesSurname) {}

  /** A person while the world is being drawn; frozen into a {@link SimPerson}. */
  static final class Draft {
    long seq;
    String idNumber;
    String name;
    String sex;
    LocalDate birth;
    String ethnicity;
    String hukouDivision;
    String hukouAddress;
    String householdNo;
    String relationToHead;
    String education;
    String maritalStatus = "10";
    String politicalStatus = "13";
    String religion = "00";
    boolean registered;
    String status = "0";
    String phone;
    Housing.Slot slot;
    Type householdType;
    boolean owner;
    Role role;
    String houseRelation;
    String address;
    SimPerson.Work work;
    LocalDate deathDate;
    SimPerson.Disability disability;
    SimPerson.Student student;
    SimPerson.Veteran veteran;
    SimPerson.PartyMember party;
    SimPerson.Unemployment unemployment;
    SimPerson.Correction correction;
    LocalDate releasedOn;
    SimPerson.Petition petition;
    SimPerson.DrugRehab drugRehab;
    SimPerson.Health health;
    SimPerson.ChildCare childCare;

    int age(LocalDate today) {
      return birth.until(today).getYears();
    }

    SimPerson freeze() {
      return new SimPerson(
          seq, idNumber, name, sex, birth, ethnicity, hukouDivision, hukouAddress, householdNo, relationToHead, education,
          maritalStatus, politicalStatus, religion, slot.community().code(), registered, status, phone, slot.building().gridCode(),
          slot.house().code(), houseRelation, address, work, deathDate, disability, student, veteran, party, unemployment, correction,
          releasedOn, petition, drugRehab, health, childCare);
    }
  }
}
