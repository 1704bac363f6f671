package cn.jzz.hub.connector;

import cn.jzz.hub.config.HubProperties;
import cn.jzz.hub.connector.file.FileDropConnectorType;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.TreeSet;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * A second hub instance's ingest side in its own JVM, for the kill -9 takeover test: runs a {@link
 * ConnectorManager} with leases over file sources and prints {@code HOLDING [sources]} whenever what
 * it reads changes. Arguments: bootstrap, namespace, data dir, connectors dir.
 */
public final class LeaseHolderMain {

  private LeaseHolderMain() {}

  public static void main(String[] args) throws Exception {
    HubProperties properties = ConnectorFixtures.properties(Path.of(args[2]), args[0], args[1]);
    properties = new HubProperties(properties.dataDir(), Path.of(args[3]), properties.mappingsDir(), properties.elasticsearch(), properties.kafka(), properties.sources());
    DefaultCamelContext camel = new DefaultCamelContext();
    camel.start();
    ConnectorContext context = ConnectorFixtures.context(properties, RawTopic.producer(args[0]), camel, s -> s);
    ConnectorManager manager = new ConnectorManager(new ConnectorCatalog(List.of(new FileDropConnectorType())), properties,
        new IngestProperties(true, true, Duration.ofSeconds(6)), context);
    manager.start();
    String last = null;
    while (true) {
      TreeSet<String> held = new TreeSet<>();
      manager.reports().stream().filter(ConnectorManager.SourceReport::readHere).forEach(r -> held.add(r.status().source()));
      String now = "HOLDING " + held;
      if (!now.equals(last)) {
        System.out.println(now);
        System.out.flush();
        last = now;
      }
      Thread.sleep(200);
    }
  }
}
