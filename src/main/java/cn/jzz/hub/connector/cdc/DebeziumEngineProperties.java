package cn.jzz.hub.connector.cdc;

import cn.jzz.hub.connector.ConnectorContext;
import java.util.Properties;

/** The engine settings every CDC type shares: where offsets live, batch sizes, how errors and stops behave. */
final class DebeziumEngineProperties {

  private DebeziumEngineProperties() {}

  static Properties common(String source, String connectorClass, Integer pollIntervalMs, ConnectorContext context) {
    Properties p = new Properties();
    p.setProperty("name", "hub-" + source);
    p.setProperty("connector.class", connectorClass);
    p.setProperty("offset.storage", "org.apache.kafka.connect.storage.FileOffsetBackingStore");
    p.setProperty("offset.storage.file.filename", context.stateDir(source).resolve("offsets.dat").toString());
    p.setProperty("offset.flush.interval.ms", "1000");
    p.setProperty("topic.prefix", source);
    p.setProperty("poll.interval.ms", String.valueOf(pollIntervalMs == null ? 50 : pollIntervalMs));
    p.setProperty("max.batch.size", "4096");
    p.setProperty("max.queue.size", "16384");
    p.setProperty("decimal.handling.mode", "string");
    p.setProperty("snapshot.mode", "initial");
    p.setProperty("errors.max.retries", "-1");
    // On stop, let an in-flight batch finish rather than interrupt it halfway through publishing.
    p.setProperty("record.processing.shutdown.timeout.ms", "30000");
    return p;
  }
}
