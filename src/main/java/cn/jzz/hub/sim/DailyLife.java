package cn.jzz.hub.sim;

import cn.jzz.hub.config.HubProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Continuous mode: a stream of realistic changes into the departments' databases at a chosen rate —
 * births and new migrants (gaj inserts), deaths and name corrections (gaj updates), moves (zfw: the old
 * row withdrawn, a new one collected), assistance starting and stopping (mzj), and, when an inbox is
 * given, disability certificates appended to 残联's current dump.
 *
 * <p>It runs in ticks of {@value #TICK_MILLIS} ms of its own clock; each tick commits
 * {@code rate / 10} changes (fractions carried over) in one transaction per database. The clock
 * starts at {@code start} and advances one tick per {@link #tick()}, so the rate holds in its own
 * time whatever the machine's speed. Given the seed and the world, the changes are always the same.
 */
public final class DailyLife implements AutoCloseable {

  public static final int TICK_MILLIS = 100;
  /** Row ids of inserted rows start here, clear of the world's own. */
  public static final long BIRTH_RYID_BASE = GajSystem.RYID_BASE + 50_000_000;
  public static final long MIGRANT_ID_BASE = GajSystem.LDRK_ID_BASE + 50_000_000;
  public static final long MOVE_ROW_BASE = 10_000_000_000L;
  public static final long FAMILY_ID_BASE = 1_000_000;

  private static final Logger log = LoggerFactory.getLogger(DailyLife.class);
  private static final String[] JINING_AREAS = {"370811", "370812", "370826", "370828", "370829", "370881", "370883"};
  private static final String GIVEN = "伟芳娜敏静强磊军洋勇艳杰娟涛明超霞平刚萍华红鹏飞宇浩";

  /** The kinds of change and their share of the stream in percent. */
  public enum Kind {
    BIRTH(10),
    DEATH(8),
    MOVE(30),
    MIGRANT(15),
    ASSISTANCE_START(7),
    ASSISTANCE_STOP(7),
    NAME_CORRECTION(18),
    DISABILITY_CERTIFICATE(5);

    final int weight;

    Kind(int weight) {
      this.weight = weight;
    }
  }

  /** Changes committed so far, per kind. */
  public record Counts(Map<Kind, Long> byKind) {
    public long total() {
      return byKind.values().stream().mapToLong(Long::longValue).sum();
    }

    public long of(Kind kind) {
      return byKind.getOrDefault(kind, 0L);
    }
  }

  private final SimWorld world;
  private final Random random;
  private final double ratePerSecond;
  private final Path cljDirectory;
  private final Connection gaj;
  private final Connection zfw;
  private final Connection mzj;
  private final Map<Kind, Long> counts = new java.util.EnumMap<>(Kind.class);
  private final Set<String> ids = new HashSet<>();
  private final Set<Long> touched = new HashSet<>();
  private final Map<Long, Long> currentZfwRow = new HashMap<>();
  private final Map<String, String> communityNames = new HashMap<>();
  private final List<Long> activeFamilies = new ArrayList<>();
  private final Set<String> assistedHouseholds = new HashSet<>();
  private final Kind[] kinds;
  private final int[] weights;
  private final AtomicReference<Throwable> failure = new AtomicReference<>();
  private ScheduledExecutorService scheduler;
  private LocalDateTime clock;
  private double carry;
  private long births;
  private long migrants;
  private long moves;
  private long families;

  /**
   * @param settings names the databases (suffix) and the inbox; the world must have been built into them
   * @param cljInbox where 残联's dump lies ({@code <inbox>/clj}), or null to leave files alone
   */
  public DailyLife(SimWorld world, HubProperties.Postgres postgres, HubProperties.Mariadb mariadb, DemoWorld.Settings settings,
      long seed, double ratePerSecond, LocalDateTime start, Path cljInbox) throws SQLException {
    if (ratePerSecond <= 0) {
      throw new IllegalArgumentException("the rate of changes per second must be positive, got " + ratePerSecond);
    }
    this.world = world;
    this.random = new Random(seed ^ 0xDA11L);
    this.ratePerSecond = ratePerSecond;
    this.clock = start;
    this.cljDirectory = cljInbox;
    this.gaj = open(postgres.jdbcUrl(settings.database("gaj")) + "?reWriteBatchedInserts=true", postgres.user(), postgres.password());
    this.zfw = open(postgres.jdbcUrl(settings.database("zfw")) + "?reWriteBatchedInserts=true", postgres.user(), postgres.password());
    this.mzj = open(mariadb.jdbcUrl(settings.database("mzj")), mariadb.user(), mariadb.password());
    for (SimPerson p : world.people()) {
      ids.add(p.idNumber());
      currentZfwRow.put(p.seq(), ZfwSystem.currentRowId(p));
    }
    world.communities().forEach(c -> communityNames.put(c.code(), c.name()));
    for (SimWorld.Family f : world.families()) {
      if (f.stop() == null) {
        activeFamilies.add(f.id());
      }
      f.members().forEach(m -> assistedHouseholds.add(world.person(m.seq()).householdNo()));
    }
    List<Kind> usable = new ArrayList<>(List.of(Kind.values()));
    if (cljInbox == null) {
      usable.remove(Kind.DISABILITY_CERTIFICATE);
    }
    kinds = usable.toArray(Kind[]::new);
    weights = usable.stream().mapToInt(k -> k.weight).toArray();
  }

  private static Connection open(String url, String user, String password) throws SQLException {
    Connection c = DriverManager.getConnection(url, user, password);
    c.setAutoCommit(false);
    return c;
  }

  /** Runs ticks every {@value #TICK_MILLIS} ms of wall time until {@link #stop()}. */
  public synchronized void start() {
    if (scheduler != null) {
      return;
    }
    scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "sim.daily-life");
      t.setDaemon(true);
      return t;
    });
    scheduler.scheduleAtFixedRate(() -> {
      try {
        tick();
      } catch (Exception e) {
        // A failed tick stops the stream: carrying on would make the counts lie about what was committed.
        failure.set(e);
        log.error("daily life stopped: a tick failed: {}", e.getMessage());
        scheduler.shutdown();
      }
    }, 0, TICK_MILLIS, TimeUnit.MILLISECONDS);
  }

  /** Stops the ticks (the current one finishes) and returns the counts. */
  public synchronized Counts stop() throws InterruptedException {
    if (scheduler != null) {
      scheduler.shutdown();
      scheduler.awaitTermination(30, TimeUnit.SECONDS);
      scheduler = null;
    }
    return counts();
  }

  /** The error that stopped the stream, if one did. */
  public Throwable failure() {
    return failure.get();
  }

  public synchronized Counts counts() {
    return new Counts(Map.copyOf(counts));
  }

  /** The simulated time: the start plus one tick per {@link #tick()}. */
  public synchronized LocalDateTime clock() {
    return clock;
  }

  /** Applies one tick's changes, commits them, advances the clock; returns the counts of this tick. */
  public synchronized Counts tick() throws SQLException, IOException {
    carry += ratePerSecond * TICK_MILLIS / 1000.0;
    int n = (int) Math.floor(carry);
    carry -= n;
    clock = clock.plus(Duration.ofMillis(TICK_MILLIS));
    Map<Kind, Long> tickCounts = new java.util.EnumMap<>(Kind.class);
    List<String> cljLines = new ArrayList<>();
    try (PreparedStatement rk = gaj.prepareStatement("INSERT INTO rk_jbxx (ryid,gmsfhm,xm,xb,mz,csrq,hjdz_xzqh,hjdz_qhnxxdz,hh,yhzgx,ryzt,gxsj) VALUES (?,?,?,?,?,?,?,?,?,?,'0',?)");
        PreparedStatement death = gaj.prepareStatement("UPDATE rk_jbxx SET ryzt = '1', gxsj = ? WHERE ryid = ?");
        PreparedStatement rename = gaj.prepareStatement("UPDATE rk_jbxx SET xm = ?, gxsj = ? WHERE ryid = ?");
        PreparedStatement ldrk = gaj.prepareStatement("INSERT INTO ldrk_djxx (id,gmsfhm,xm,xb,csrq,hjdz_xzqh,xzz_dz,djrq,zxbz) VALUES (?,?,?,?,?,?,?,?,'0')");
        PreparedStatement withdraw = zfw.prepareStatement("UPDATE wg_rfxx SET yxbz = '0' WHERE id = ?");
        PreparedStatement collect = zfw.prepareStatement("INSERT INTO wg_rfxx (id,sfzh,xm,lxdh,fwbm,wgbm,rfgx,rhzt,rzrq,cjsj,yxbz) VALUES (?,?,?,?,?,?,?,'1',?,?,'1')");
        PreparedStatement family = mzj.prepareStatement("INSERT INTO sa_family (family_id,assist_type,community_name,start_date,status,update_time) VALUES (?,?,?,?,'1',?)");
        PreparedStatement member = mzj.prepareStatement("INSERT INTO sa_member (member_id,family_id,id_card,name,relation) VALUES (?,?,?,?,?)");
        PreparedStatement stopFamily = mzj.prepareStatement("UPDATE sa_family SET status = '0', stop_date = ?, update_time = ? WHERE family_id = ?")) {
      for (int i = 0; i < n; i++) {
        Kind kind = Draw.weighted(random, kinds, weights);
        boolean done = switch (kind) {
          case BIRTH -> birth(rk);
          case DEATH -> death(death);
          case MOVE -> move(withdraw, collect);
          case MIGRANT -> migrant(ldrk);
          case ASSISTANCE_START -> startAssistance(family, member);
          case ASSISTANCE_STOP -> stopAssistance(stopFamily);
          case NAME_CORRECTION -> rename(rename);
          case DISABILITY_CERTIFICATE -> disability(cljLines);
        };
        // When no one fits (everyone touched, no active family), a new migrant always can be registered.
        if (!done) {
          kind = Kind.MIGRANT;
          migrant(ldrk);
        }
        tickCounts.merge(kind, 1L, Long::sum);
      }
      rk.executeBatch();
      death.executeBatch();
      rename.executeBatch();
      ldrk.executeBatch();
      withdraw.executeBatch();
      collect.executeBatch();
      family.executeBatch();
      member.executeBatch();
      stopFamily.executeBatch();
      gaj.commit();
      zfw.commit();
      mzj.commit();
    } catch (SQLException e) {
      rollbackQuietly();
      throw e;
    }
    appendClj(cljLines);
    tickCounts.forEach((k, v) -> counts.merge(k, v, Long::sum));
    return new Counts(tickCounts);
  }

  private void rollbackQuietly() {
    for (Connection c : List.of(gaj, zfw, mzj)) {
      try {
        c.rollback();
      } catch (SQLException ignored) {
        // The original error is what matters; a failed rollback leaves nothing committed either.
      }
    }
  }

  private boolean birth(PreparedStatement rk) throws SQLException {
    SimPerson parent = someone(p -> p.registered() && p.alive() && p.age(world.today()) >= 22 && p.age(world.today()) <= 45);
    if (parent == null) {
      return false;
    }
    String sex = random.nextBoolean() ? "1" : "2";
    // Births are registered within two months, which also keeps ID sequences from running out.
    LocalDate born = clock.toLocalDate().minusDays(random.nextInt(60));
    String id = newId(Population.hukouCounty(parent.communityCode().substring(0, 6)), born, sex);
    String name = parent.name().substring(0, 1) + GIVEN.charAt(random.nextInt(GIVEN.length())) + GIVEN.charAt(random.nextInt(GIVEN.length()));
    rk.setLong(1, BIRTH_RYID_BASE + ++births);
    rk.setString(2, id);
    rk.setString(3, name);
    rk.setString(4, sex);
    rk.setString(5, parent.ethnicity());
    rk.setString(6, born.format(DateTimeFormatter.BASIC_ISO_DATE));
    rk.setString(7, parent.hukouDivision());
    rk.setString(8, parent.hukouAddress());
    rk.setString(9, parent.householdNo());
    rk.setString(10, sex.equals("1") ? "20" : "30");
    rk.setObject(11, clock);
    rk.addBatch();
    return true;
  }

  private boolean death(PreparedStatement death) throws SQLException {
    SimPerson p = untouched(q -> q.registered() && q.alive() && q.status().equals("0") && q.age(world.today()) >= 50);
    if (p == null) {
      return false;
    }
    death.setObject(1, clock);
    death.setLong(2, GajSystem.RYID_BASE + p.seq());
    death.addBatch();
    return true;
  }

  private boolean rename(PreparedStatement rename) throws SQLException {
    SimPerson p = untouched(q -> q.registered() && q.alive() && q.status().equals("0") && !q.name().contains("·"));
    if (p == null) {
      return false;
    }
    String corrected = p.name().substring(0, p.name().length() - 1) + GIVEN.charAt(random.nextInt(GIVEN.length()));
    rename.setString(1, corrected);
    rename.setObject(2, clock);
    rename.setLong(3, GajSystem.RYID_BASE + p.seq());
    rename.addBatch();
    return true;
  }

  private boolean move(PreparedStatement withdraw, PreparedStatement collect) throws SQLException {
    SimPerson p = someone(SimPerson::alive);
    if (p == null) {
      return false;
    }
    Places.House house = Draw.pick(random, world.houses());
    Places.Building building = buildingOf(house);
    long row = MOVE_ROW_BASE + ++moves;
    withdraw.setLong(1, currentZfwRow.get(p.seq()));
    withdraw.addBatch();
    currentZfwRow.put(p.seq(), row);
    collect.setLong(1, row);
    collect.setString(2, p.idNumber());
    collect.setString(3, p.name());
    collect.setString(4, ZfwSystem.phone(random, p, world.today()));
    collect.setString(5, house.code());
    collect.setString(6, building.gridCode());
    collect.setString(7, Draw.chance(random, 0.5) ? "承租人" : "产权人");
    collect.setString(8, ZfwSystem.rzrq(random, clock.toLocalDate()));
    collect.setObject(9, clock);
    collect.addBatch();
    return true;
  }

  private boolean migrant(PreparedStatement ldrk) throws SQLException {
    String sex = random.nextBoolean() ? "1" : "2";
    LocalDate born = clock.toLocalDate().minusYears(Draw.between(random, 18, 55)).minusDays(random.nextInt(365));
    int home = random.nextInt(Population.MIGRANT_AREAS.length);
    String id = newId(Population.MIGRANT_AREAS[home], born, sex);
    SimPerson neighbour = Draw.pick(random, world.people());
    ldrk.setLong(1, MIGRANT_ID_BASE + ++migrants);
    ldrk.setString(2, id);
    ldrk.setString(3, Population.name(random, Population.surname(random), sex));
    ldrk.setString(4, sex);
    ldrk.setString(5, born.format(DateTimeFormatter.BASIC_ISO_DATE));
    ldrk.setString(6, Population.MIGRANT_AREAS[home]);
    ldrk.setString(7, neighbour.address());
    ldrk.setObject(8, clock.toLocalDate());
    ldrk.addBatch();
    return true;
  }

  private boolean startAssistance(PreparedStatement family, PreparedStatement member) throws SQLException {
    SimPerson head = someone(p -> p.registered() && p.alive() && p.relationToHead().equals("02") && !assistedHouseholds.contains(p.householdNo()));
    if (head == null) {
      return false;
    }
    assistedHouseholds.add(head.householdNo());
    long id = FAMILY_ID_BASE + ++families;
    family.setLong(1, id);
    family.setString(2, Draw.weighted(random, new String[] {"DB", "TK", "DBBY"}, new int[] {65, 10, 25}));
    family.setString(3, communityNames.get(head.communityCode()));
    family.setObject(4, clock.toLocalDate());
    family.setObject(5, clock);
    family.addBatch();
    member.setLong(1, id * 10);
    member.setLong(2, id);
    member.setString(3, head.idNumber());
    member.setString(4, head.name());
    member.setString(5, "本人");
    member.addBatch();
    activeFamilies.add(id);
    return true;
  }

  private boolean stopAssistance(PreparedStatement stop) throws SQLException {
    if (activeFamilies.isEmpty()) {
      return false;
    }
    long id = activeFamilies.remove(random.nextInt(activeFamilies.size()));
    stop.setObject(1, clock.toLocalDate());
    stop.setObject(2, clock);
    stop.setLong(3, id);
    stop.addBatch();
    return true;
  }

  private boolean disability(List<String> lines) {
    SimPerson p = untouched(q -> q.alive() && q.disability() == null);
    if (p == null) {
      return false;
    }
    String category = Draw.pick(random, new String[] {"肢体", "视力", "听力", "智力", "精神"});
    String grade = Draw.pick(random, KeyGroups.GRADES);
    lines.add(String.join(",", p.name(), p.idNumber(), p.idNumber() + "1" + (1 + random.nextInt(4)), category, grade,
        clock.toLocalDate().toString(), p.phone() == null ? "" : p.phone(), p.address()));
    return true;
  }

  private void appendClj(List<String> lines) throws IOException {
    if (lines.isEmpty()) {
      return;
    }
    Path file = cljDirectory.resolve(CljFile.fileName(world.today()));
    try (Writer out = Files.newBufferedWriter(file, CljFile.GBK, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
      for (String line : lines) {
        out.write(line);
        out.write("\r\n");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot append to " + file + ": " + e.getMessage(), e);
    }
  }

  private final Map<String, Places.Building> buildings = new HashMap<>();

  private Places.Building buildingOf(Places.House house) {
    if (buildings.isEmpty()) {
      world.buildings().forEach(b -> buildings.put(b.code(), b));
    }
    return buildings.get(house.buildingCode());
  }

  private String newId(String area, LocalDate born, String sex) {
    while (true) {
      String id = Population.idNumber(area, born, random.nextInt(500), sex);
      if (ids.add(id)) {
        return id;
      }
      area = Draw.pick(random, JINING_AREAS);
    }
  }

  private SimPerson someone(java.util.function.Predicate<SimPerson> fits) {
    for (int attempt = 0; attempt < 50; attempt++) {
      SimPerson p = Draw.pick(random, world.people());
      if (fits.test(p)) {
        return p;
      }
    }
    return null;
  }

  /** Someone no earlier change has touched: a person dies or is renamed at most once in a run. */
  private SimPerson untouched(java.util.function.Predicate<SimPerson> fits) {
    SimPerson p = someone(q -> !touched.contains(q.seq()) && fits.test(q));
    if (p != null) {
      touched.add(p.seq());
    }
    return p;
  }

  @Override
  public void close() throws Exception {
    stop();
    for (Connection c : List.of(gaj, zfw, mzj)) {
      c.close();
    }
  }
}
