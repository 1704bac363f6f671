package cn.jzz.hub.bench;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/**
 * Consumer lag of the hub's consumer groups (the stream stages and the indexer): for every partition
 * they committed, the last stable offset minus the committed one.
 */
public final class KafkaLag implements AutoCloseable {

  private final Admin admin;
  private final List<String> groups;

  public KafkaLag(String bootstrap, List<String> groups) {
    this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000));
    this.groups = List.copyOf(groups);
  }

  /** Total lag over the groups, in records (transaction markers may count as one each). */
  public long lag() throws ExecutionException, InterruptedException {
    long total = 0;
    for (String group : groups) {
      Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
      Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
      committed.keySet().forEach(tp -> latest.put(tp, OffsetSpec.latest()));
      if (latest.isEmpty()) {
        continue;
      }
      Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends =
          admin.listOffsets(latest, new org.apache.kafka.clients.admin.ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get();
      for (Map.Entry<TopicPartition, OffsetAndMetadata> e : committed.entrySet()) {
        if (e.getValue() != null && ends.containsKey(e.getKey())) {
          total += Math.max(0, ends.get(e.getKey()).offset() - e.getValue().offset());
        }
      }
    }
    return total;
  }

  @Override
  public void close() {
    admin.close();
  }
}
