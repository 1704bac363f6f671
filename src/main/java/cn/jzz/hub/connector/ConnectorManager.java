package cn.jzz.hub.connector;

import cn.jzz.hub.config.HubProperties;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Starts a connector for every enabled {@code connectors/<source>.yaml} once the pipeline behind it is
 * up, and stops them first on shutdown so nothing is read that cannot be passed on.
 */
public class ConnectorManager implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(ConnectorManager.class);

  /** After the stream stages (default phase) so raw events always have a consumer. */
  public static final int PHASE = Integer.MAX_VALUE - 100;

  private final ConnectorCatalog catalog;
  private final HubProperties properties;
  private final ConnectorContext context;
  private final Map<String, SourceConnector> running = new LinkedHashMap<>();
  private volatile boolean started;

  public ConnectorManager(ConnectorCatalog catalog, HubProperties properties, RawEventPublisher publisher) {
    this.catalog = catalog;
    this.properties = properties;
    this.context = new ConnectorContext(publisher, properties);
  }

  @Override
  public synchronized void start() {
    for (ConnectorCatalog.BoundConnector<?> bound : catalog.load(properties.connectorsDir())) {
      if (!bound.definition().enabled()) {
        log.info("ingest.{}: disabled in {}", bound.definition().source(), bound.definition().file());
        continue;
      }
      SourceConnector connector = bound.create(context);
      running.put(connector.source(), connector);
      connector.start();
      log.info("ingest.{}: started ({})", connector.source(), connector.type());
    }
    started = true;
  }

  @Override
  public synchronized void stop() {
    List<SourceConnector> connectors = new ArrayList<>(running.values());
    connectors.forEach(SourceConnector::stop);
    running.clear();
    started = false;
  }

  @Override
  public boolean isRunning() {
    return started;
  }

  @Override
  public int getPhase() {
    return PHASE;
  }

  public synchronized List<SourceStatus> statuses() {
    return running.values().stream().map(SourceConnector::status).toList();
  }
}
