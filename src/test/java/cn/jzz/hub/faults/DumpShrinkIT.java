package cn.jzz.hub.faults;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jzz.hub.sim.CljFile;
import cn.jzz.hub.sim.DemoWorld;
import cn.jzz.hub.sim.Population;
import cn.jzz.hub.sim.SimPerson;
import cn.jzz.hub.support.Await;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * 残联's full dump shrinks: the people missing from the new dump lose that source (registered ones
 * keep their record without its fields, people known only to 残联 leave the index), and the
 * reconciliation, which reads a file source from its last accepted dump, finds the index equal to the
 * new dump. A dump that loses most rows (a truncated export) is held in failed/ with its reason and
 * withdraws nobody, until an operator accepts it. Cheap enough to run in every {@code ./hub test}.
 */
@Tag("faults")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DumpShrinkIT {

  private static final String HEADER = String.join(",", CljFile.HEADER) + "\r\n";
  private static final String[] CATEGORIES = {"视力", "听力", "言语", "肢体", "智力", "精神", "多重"};
  private static final String[] GRADES = {"一级", "二级", "三级", "四级"};

  @TempDir static Path dir;
  private static FaultHarness h;
  private static List<Row> registered;
  private static List<Row> cljOnly;
  /** The rows of the dump the hub accepted last. */
  private static List<Row> accepted;

  /** One dump row; {@code name} marks people known only to 残联, whose name the index shows. */
  record Row(String name, String idNumber, String category, String grade) {
    String csv() {
      return name + "," + idNumber + "," + idNumber + "11," + category + "," + grade + ",2019年3月2日,13800000000,济宁市任城区\r\n";
    }
  }

  @BeforeAll
  static void world() throws Exception {
    h = new FaultHarness("dump", 1500, dir);
    Files.writeString(h.connectorsDir().resolve("clj.yaml"), "source: clj\ntype: file\noptions:\n  format: csv\n  encoding: GBK\n  entity: cjr\n  key-columns: [身份证号]\n  poll-interval-ms: 500\n");
    registered = new ArrayList<>();
    for (SimPerson p : h.world.people()) {
      if (registered.size() < 200 && h.world.gaj().acceptedIds().contains(p.idNumber())) {
        registered.add(row(p.name(), p.idNumber(), registered.size()));
      }
    }
    // people of another generated population whom the police do not know: 残联 alone speaks of them
    Set<String> known = h.world.people().stream().map(SimPerson::idNumber).collect(Collectors.toSet());
    cljOnly = new ArrayList<>();
    for (SimPerson p : Population.generate(77, 400, LocalDate.now(DemoWorld.LOCAL))) {
      if (cljOnly.size() < 60 && p.idNumber().length() == 18 && !known.contains(p.idNumber())) {
        cljOnly.add(row("残联独" + cljOnly.size(), p.idNumber(), cljOnly.size()));
      }
    }
    h.startAndAwaitUp();
    h.awaitIndexCountAtLeast(h.world.expected());
  }

  private static Row row(String name, String idNumber, int i) {
    return new Row(name, idNumber, CATEGORIES[i % CATEGORIES.length], GRADES[i % GRADES.length]);
  }

  @AfterAll
  static void cleanUp() throws Exception {
    if (h != null) {
      h.close();
    }
  }

  @Test
  @Order(1)
  void theFirstDumpAddsItsPeople() throws Exception {
    List<Row> dump = new ArrayList<>(registered);
    dump.addAll(cljOnly);
    accept(drop("残疾人_202601.csv", dump), dump);
    h.awaitConsistent(h.world.expected() + cljOnly.size());
    assertThat(h.count(Map.of("term", Map.of("sources", "clj")))).isEqualTo(dump.size());
  }

  @Test
  @Order(2)
  void aSmallerDumpWithdrawsThePeopleItLost() throws Exception {
    List<Row> keptRegistered = new ArrayList<>(registered.subList(50, registered.size()));
    List<Row> keptOnly = new ArrayList<>(cljOnly.subList(30, cljOnly.size()));
    // some who stay change too: the new grade must win
    for (int i = 0; i < 10; i++) {
      Row r = keptRegistered.get(i);
      keptRegistered.set(i, new Row(r.name(), r.idNumber(), r.category(), "一级".equals(r.grade()) ? "二级" : "一级"));
    }
    List<Row> dump = new ArrayList<>(keptRegistered);
    dump.addAll(keptOnly);
    accept(drop("残疾人_202602.csv", dump), dump);
    h.awaitConsistent(h.world.expected() + keptOnly.size());

    assertThat(h.count(Map.of("term", Map.of("sources", "clj")))).isEqualTo(dump.size());
    List<String> gone = registered.subList(0, 50).stream().map(Row::idNumber).toList();
    assertThat(h.count(Map.of("terms", Map.of("id_number", gone)))).as("registered people dropped by 残联 keep their record").isEqualTo(gone.size());
    assertThat(h.count(Map.of("bool", Map.of("filter", List.of(Map.of("terms", Map.of("id_number", gone))), "should",
        List.of(Map.of("term", Map.of("sources", "clj")), Map.of("exists", Map.of("field", "disability_category"))), "minimum_should_match", 1))))
        .as("…without 残联 or its fields").isZero();
    assertThat(h.count(Map.of("terms", Map.of("full_name.keyword", names(cljOnly.subList(0, 30)))))).as("people only 残联 knew leave the index").isZero();
    assertThat(h.count(Map.of("terms", Map.of("full_name.keyword", names(keptOnly))))).isEqualTo(keptOnly.size());
  }

  @Test
  @Order(3)
  void aTruncatedDumpIsHeldAndWithdrawsNobodyUntilAccepted() throws Exception {
    List<Row> truncated = new ArrayList<>(accepted.subList(0, accepted.size() / 4));
    String name = "残疾人_202603.csv";
    Path held = h.dataDir().resolve("failed/clj").resolve(name);
    drop(name, truncated);
    Await.until(name + " to be held in failed/", FaultHarness.PATIENCE, () -> Files.exists(held.resolveSibling(name + ".reason.txt")), ok -> ok);
    String reason = Files.readString(held.resolveSibling(name + ".reason.txt"));
    assertThat(reason)
        .contains("would remove " + (accepted.size() - truncated.size()) + " of the " + accepted.size() + " rows")
        .contains("max-removed-percent=50%")
        .contains(name + ".accept-shrink");
    assertThat(h.dataDir().resolve("archive/clj").resolve(name)).doesNotExist();
    h.awaitConsistent(h.world.expected() + accepted.stream().filter(r -> r.name().startsWith("残联独")).count());
    assertThat(h.count(Map.of("term", Map.of("sources", "clj")))).as("nobody withdrawn by the held dump").isEqualTo(accepted.size());

    // the operator confirms the shrink is real
    Path inbox = h.dataDir().resolve("inbox/clj");
    Files.createFile(inbox.resolve(name + ".accept-shrink"));
    Files.move(held, inbox.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    accepted = truncated;
    awaitArchived(name);
    h.awaitConsistent(h.world.expected() + truncated.stream().filter(r -> r.name().startsWith("残联独")).count());
    assertThat(h.count(Map.of("term", Map.of("sources", "clj")))).isEqualTo(truncated.size());
    assertThat(inbox.resolve(name + ".accept-shrink")).doesNotExist();
  }

  private static List<String> names(List<Row> rows) {
    return rows.stream().map(Row::name).toList();
  }

  /** Writes the dump beside the inbox and moves it in, as a department's upload does. */
  private static String drop(String name, List<Row> rows) throws IOException {
    StringBuilder csv = new StringBuilder(HEADER);
    rows.forEach(r -> csv.append(r.csv()));
    Path inbox = h.dataDir().resolve("inbox/clj");
    Files.createDirectories(inbox);
    Path temp = inbox.resolve(name + ".part");
    Files.write(temp, csv.toString().getBytes(CljFile.GBK));
    Files.move(temp, inbox.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    return name;
  }

  private static void accept(String name, List<Row> rows) throws Exception {
    awaitArchived(name);
    accepted = rows;
  }

  private static void awaitArchived(String name) throws Exception {
    Path failed = h.dataDir().resolve("failed/clj").resolve(name + ".reason.txt");
    Await.until(name + " to be accepted into archive/", FaultHarness.PATIENCE, () -> {
      if (Files.exists(failed) && Files.exists(failed.resolveSibling(name))) {
        throw new AssertionError(name + " was refused: " + Files.readString(failed));
      }
      return Files.exists(h.dataDir().resolve("archive/clj").resolve(name));
    }, ok -> ok);
  }
}
