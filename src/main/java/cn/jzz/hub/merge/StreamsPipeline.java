package cn.jzz.hub.merge;

import cn.jzz.hub.config.HubProperties;
import cn.jzz.hub.config.Topics;
import cn.jzz.hub.normalize.NormalizeProcessor;
import cn.jzz.hub.normalize.Normalizer;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Properties;
import java.util.regex.Pattern;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.apache.kafka.streams.state.Stores;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The stream stages (normalize → merge) as one Kafka Streams application, exactly-once, with its
 * state under {@code <data-dir>/state/streams} and changelogs in Kafka: a restarted or second hub
 * instance picks up the partitions and their state.
 */
public final class StreamsPipeline implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(StreamsPipeline.class);
  /** Local time of the departments and of "today" for tags with validity periods. */
  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  /**
   * How long changes to a person gather before the golden record is emitted once for all of them.
   * Short: what arrives together in one poll is coalesced anyway, and a house's contributions come a
   * round trip through Kafka later, beyond any interval worth waiting for. Every change waits for it.
   */
  static final Duration EMIT_INTERVAL = Duration.ofMillis(100);
  /**
   * Exactly-once commits, after which the next stage (read_committed) sees the output: a change passes
   * two of them (normalize, then merge) on its way to the index, so it waits for them twice.
   */
  static final int COMMIT_INTERVAL_MS = 100;

  private final HubProperties properties;
  private final Normalizer normalizer;
  private final GoldenRecordBuilder golden;
  private final MeterRegistry meters;
  private KafkaStreams streams;

  public StreamsPipeline(HubProperties properties, Normalizer normalizer, GoldenRecordBuilder golden, MeterRegistry meters) {
    this.properties = properties;
    this.normalizer = normalizer;
    this.golden = golden;
    this.meters = meters;
  }

  Topology topology() {
    Topics topics = properties.topics();
    Topology topology = new Topology();
    topology.addSource("normalize-raw", new StringDeserializer(), new StringDeserializer(), Pattern.compile(Pattern.quote(topics.rawPrefix()) + ".+"));
    topology.addProcessor("normalize", () -> new NormalizeProcessor(normalizer, topics, meters), "normalize-raw");
    topology.addStateStore(
        Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(NormalizeProcessor.STORE), Serdes.String(), Serdes.String()),
        "normalize");
    topology.addSink(NormalizeProcessor.TO_CONTRIBUTIONS, topics.contributions(), new StringSerializer(), new StringSerializer(), "normalize");
    topology.addSink(NormalizeProcessor.TO_REFERENCE, topics.reference(), new StringSerializer(), new StringSerializer(), "normalize");
    topology.addSink(NormalizeProcessor.TO_QUARANTINE, topics.quarantine(), new StringSerializer(), new StringSerializer(), "normalize");
    MergeTopology.addTo(topology, topics, golden, Clock.systemUTC(), ZONE, EMIT_INTERVAL);
    return topology;
  }

  Properties config() {
    Properties p = new Properties();
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, properties.kafka().applicationId());
    p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, properties.kafka().bootstrapServers());
    p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    p.put(StreamsConfig.STATE_DIR_CONFIG, properties.stateDir().resolve("streams").toAbsolutePath().toString());
    p.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) properties.kafka().replicationFactor());
    p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, COMMIT_INTERVAL_MS);
    p.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 64L * 1024 * 1024);
    p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 1);
    p.put(StreamsConfig.consumerPrefix("max.poll.records"), 2000);
    // A hub instance that dies (kill -9) hands its partitions to the others within seconds, not 45 s.
    p.put(StreamsConfig.consumerPrefix("session.timeout.ms"), 10_000);
    p.put(StreamsConfig.consumerPrefix("heartbeat.interval.ms"), 3_000);
    p.put(StreamsConfig.producerPrefix("linger.ms"), 5);
    p.put(StreamsConfig.producerPrefix("compression.type"), "lz4");
    p.put(StreamsConfig.TOPOLOGY_OPTIMIZATION_CONFIG, StreamsConfig.OPTIMIZE);
    return p;
  }

  @Override
  public synchronized void start() {
    streams = new KafkaStreams(topology(), config());
    streams.setUncaughtExceptionHandler(e -> {
      // A failed stream thread is replaced; its uncommitted work is re-processed (exactly-once).
      log.error("stream stages failed, replacing the thread: {}", e.toString(), e);
      return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
    });
    streams.start();
  }

  @Override
  public synchronized void stop() {
    if (streams != null) {
      streams.close(Duration.ofSeconds(10));
      streams = null;
    }
  }

  @Override
  public boolean isRunning() {
    return streams != null;
  }

  public KafkaStreams.State state() {
    return streams == null ? KafkaStreams.State.NOT_RUNNING : streams.state();
  }
}
