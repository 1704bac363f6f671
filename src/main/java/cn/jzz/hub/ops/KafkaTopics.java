package cn.jzz.hub.ops;

import cn.jzz.hub.config.HubProperties;
import cn.jzz.hub.config.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

/**
 * Creates the hub's topics with the right policies before any stage starts: raw and residents topics
 * are compacted (the latest event per key is what a replay or a new subscriber needs), contributions
 * and quarantine are retained by time.
 */
public final class KafkaTopics {

  private final HubProperties properties;

  public KafkaTopics(HubProperties properties) {
    this.properties = properties;
  }

  public void ensure() {
    List<NewTopic> topics = new ArrayList<>();
    int partitions = properties.kafka().partitions();
    short rf = properties.kafka().replicationFactor();
    Map<String, String> compacted = Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
    Topics names = properties.topics();
    for (String source : sources()) {
      topics.add(new NewTopic(names.raw(source), partitions, rf).configs(compacted));
    }
    topics.add(new NewTopic(names.contributions(), partitions, rf).configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(7L * 24 * 3600 * 1000))));
    topics.add(new NewTopic(names.residents(), partitions, rf).configs(compacted));
    // Reference data are few; one partition lets one task see all of them and fan changes out to houses.
    topics.add(new NewTopic(names.reference(), 1, rf).configs(compacted));
    topics.add(new NewTopic(names.links(), partitions, rf).configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(7L * 24 * 3600 * 1000))));
    topics.add(new NewTopic(names.quarantine(), 1, rf).configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1")));
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, properties.kafka().bootstrapServers()))) {
      Set<String> existing = admin.listTopics().names().get();
      List<NewTopic> missing = topics.stream().filter(t -> !existing.contains(t.name())).toList();
      for (var created : admin.createTopics(missing).values().values()) {
        try {
          created.get();
        } catch (ExecutionException e) {
          // Another hub instance starting at the same moment made it: that is the desired end state.
          if (!(e.getCause() instanceof org.apache.kafka.common.errors.TopicExistsException)) {
            throw e;
          }
        }
      }
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot create the hub's Kafka topics at " + properties.kafka().bootstrapServers() + ": " + e.getCause().getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private List<String> sources() {
    Path dir = properties.connectorsDir();
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".yaml")).map(n -> n.substring(0, n.length() - 5)).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir + "; set hub.connectors-dir", e);
    }
  }
}
