package cn.jzz.hub.sim;

import cn.jzz.hub.index.ResidentIndex;
import cn.jzz.hub.security.Principal;
import cn.jzz.hub.security.UserDirectory;
import java.security.SecureRandom;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Prints the demo's users, follows the initial load with progress lines, and prints {@code HUB READY}
 * once the index holds every resident the departments' data should produce.
 */
@Component
@Profile("demo")
public class DemoRunner implements ApplicationListener<ApplicationReadyEvent> {

  private static final Logger log = LoggerFactory.getLogger(DemoRunner.class);
  private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

  private final DemoWorld world;
  private final UserDirectory users;
  private final ResidentIndex index;
  private final Environment environment;

  public DemoRunner(DemoWorld world, UserDirectory users, ResidentIndex index, Environment environment) {
    this.world = world;
    this.users = users;
    this.index = index;
    this.environment = environment;
  }

  @Override
  public void onApplicationEvent(ApplicationReadyEvent event) {
    createUsers();
    Thread follower = new Thread(this::followInitialLoad, "demo.initial-load");
    follower.setDaemon(true);
    follower.start();
  }

  private void createUsers() {
    String community = world.gridWorkerCommunity().code();
    SecureRandom random = new SecureRandom();
    Function<Integer, String> password = n -> random.ints(n, 0, ALPHABET.length()).mapToObj(i -> String.valueOf(ALPHABET.charAt(i))).collect(Collectors.joining());
    for (Principal p :
        new Principal[] {
          new Principal("admin", Principal.Role.admin, null),
          new Principal("analyst", Principal.Role.analyst, null),
          new Principal("grid", Principal.Role.grid_worker, community)
        }) {
      String secret = password.apply(12);
      users.add(p, secret);
      System.out.println("HUB USER " + p.username() + " " + secret + " " + p.roleLabel());
    }
  }

  private void followInitialLoad() {
    long expected = world.expectedIds().size();
    long started = System.nanoTime();
    long last = -1;
    try {
      while (true) {
        index.refresh();
        long count = index.count();
        if (count != last) {
          System.out.printf("hub: initial load %d/%d residents searchable (%.0f s)%n", count, expected, (System.nanoTime() - started) / 1e9);
          last = count;
        }
        if (count >= expected) {
          break;
        }
        Thread.sleep(1000);
      }
      String port = environment.getProperty("local.server.port", "8080");
      System.out.println("HUB READY http://127.0.0.1:" + port);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      log.error("demo: following the initial load failed: {}", e.getMessage(), e);
    }
  }
}
