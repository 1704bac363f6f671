package cn.jzz.hub.connector;

import cn.jzz.hub.config.HubProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the connectors of {@code connectors/*.yaml} that this instance holds the lease for (see {@link
 * SourceLeases}), or all of them when leases are off. Started after the stream stages so raw events
 * always have a consumer, and stopped before them so nothing is read that cannot be passed on.
 *
 * <p>Operators pause, resume and resync sources here; a pause is kept on disk, so it survives a
 * restart of this instance.
 */
public class ConnectorManager implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(ConnectorManager.class);

  /** After the stream stages (default phase) so raw events always have a consumer. */
  public static final int PHASE = Integer.MAX_VALUE - 100;

  private final ConnectorCatalog catalog;
  private final HubProperties properties;
  private final IngestProperties ingest;
  private final ConnectorContext context;
  private final Map<String, Slot> slots = new LinkedHashMap<>();
  private SourceLeases leases;
  private Thread leaseThread;
  private volatile boolean started;

  /** One configured source and what this instance does with it. */
  private static final class Slot {
    final ConnectorCatalog.BoundConnector<?> bound;
    SourceConnector connector;
    boolean held;

    Slot(ConnectorCatalog.BoundConnector<?> bound) {
      this.bound = bound;
    }
  }

  /** A source as {@code GET /sources} shows it. */
  public record SourceReport(SourceStatus status, boolean enabled, boolean readHere) {}

  /** The operation needs the instance that reads the source. */
  public static class NotReadHereException extends RuntimeException {
    public NotReadHereException(String message) {
      super(message);
    }
  }

  public ConnectorManager(ConnectorCatalog catalog, HubProperties properties, IngestProperties ingest, ConnectorContext context) {
    this.catalog = catalog;
    this.properties = properties;
    this.ingest = ingest;
    this.context = context;
  }

  @Override
  public void start() {
    List<String> sources = new ArrayList<>();
    synchronized (this) {
      // Loaded here, not on the lease thread, so a broken connectors/*.yaml fails the start-up.
      for (ConnectorCatalog.BoundConnector<?> bound : catalog.load(properties.connectorsDir())) {
        slots.put(bound.definition().source(), new Slot(bound));
        sources.add(bound.definition().source());
        SourceMonitor monitor = context.monitor(bound.definition().source(), bound.definition().type());
        if (isPaused(bound.definition().source())) {
          monitor.paused();
        }
      }
      started = true;
    }
    sources.sort(null);
    SourceLeases.Listener listener =
        new SourceLeases.Listener() {
          @Override
          public void acquired(List<String> gained) {
            gained.forEach(ConnectorManager.this::acquire);
          }

          @Override
          public void released(List<String> lost) {
            lost.forEach(ConnectorManager.this::release);
          }
        };
    leases = ingest.leases() ? new SourceLeases(properties, ingest, sources, listener) : null;
    leaseThread =
        new Thread(
            () -> {
              if (!awaitCamel()) {
                return;
              }
              if (leases != null) {
                leases.run();
              } else {
                listener.acquired(sources);
              }
            },
            "ingest-leases");
    leaseThread.setDaemon(true);
    leaseThread.start();
  }

  /** Route-based connectors need a started Camel context; Spring starts it after the lifecycle beans. */
  private boolean awaitCamel() {
    CamelContext camel = context.camel();
    while (camel != null && !camel.isStarted()) {
      if (!started) {
        return false;
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        return false;
      }
    }
    return started;
  }

  private synchronized void acquire(String source) {
    Slot slot = slots.get(source);
    if (slot == null || !started) {
      return;
    }
    slot.held = true;
    startIfWanted(slot);
  }

  private synchronized void release(String source) {
    Slot slot = slots.get(source);
    if (slot == null) {
      return;
    }
    slot.held = false;
    stopConnector(slot);
  }

  private void startIfWanted(Slot slot) {
    String source = slot.bound.definition().source();
    if (!slot.held || slot.connector != null) {
      return;
    }
    if (!slot.bound.definition().enabled()) {
      log.info("ingest.{}: disabled in {}", source, slot.bound.definition().file());
      return;
    }
    if (isPaused(source)) {
      context.monitor(source, slot.bound.definition().type()).paused();
      log.info("ingest.{}: paused; POST /api/v1/sources/{}/resume to read it again", source, source);
      return;
    }
    try {
      SourceConnector connector = slot.bound.create(context);
      slot.connector = connector;
      connector.start();
      log.info("ingest.{}: started ({})", source, connector.type());
    } catch (RuntimeException e) {
      context.monitor(source, slot.bound.definition().type()).failed("cannot start: " + e.getMessage());
      log.error("ingest.{}: cannot start: {}", source, e.toString());
    }
  }

  private void stopConnector(Slot slot) {
    if (slot.connector != null) {
      slot.connector.stop();
      slot.connector = null;
    }
  }

  @Override
  public void stop() {
    SourceLeases closing;
    Thread thread;
    synchronized (this) {
      started = false;
      closing = leases;
      thread = leaseThread;
      leases = null;
      leaseThread = null;
    }
    if (closing != null) {
      closing.close();
    }
    if (thread != null) {
      try {
        thread.join(60_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    synchronized (this) {
      slots.values().forEach(slot -> {
        stopConnector(slot);
        slot.held = false;
      });
      slots.clear();
    }
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
    return reports().stream().map(SourceReport::status).toList();
  }

  public synchronized List<SourceReport> reports() {
    List<SourceReport> reports = new ArrayList<>();
    for (Slot slot : slots.values()) {
      String source = slot.bound.definition().source();
      SourceStatus status = context.monitor(source, slot.bound.definition().type()).status();
      reports.add(new SourceReport(status, slot.bound.definition().enabled(), slot.held));
    }
    return reports;
  }

  public synchronized boolean knows(String source) {
    return slots.containsKey(source);
  }

  /** Stops reading the source and keeps its position; held on disk until {@link #resume}. */
  public synchronized void pause(String source) {
    Slot slot = requireSlot(source);
    setPaused(source, true);
    stopConnector(slot);
    context.monitor(source, slot.bound.definition().type()).paused();
  }

  /** Reads the source again from its position; also restarts a failed source after its cause was fixed. */
  public synchronized void resume(String source) {
    Slot slot = requireSlot(source);
    setPaused(source, false);
    stopConnector(slot);
    SourceMonitor monitor = context.monitor(source, slot.bound.definition().type());
    monitor.starting();
    monitor.stopped();
    startIfWanted(slot);
  }

  /**
   * Forgets the source's position (offsets, watermarks, the previous dump) and reads everything again:
   * a new snapshot, a full poll, the next dump as a full one. Requires the instance that reads it.
   */
  public synchronized void resync(String source) {
    Slot slot = requireSlot(source);
    if (!slot.held) {
      throw new NotReadHereException("source " + source + " is read by another hub instance; send the resync to the instance that reads it (GET /api/v1/sources there shows read_here=true)");
    }
    stopConnector(slot);
    context.state(source).clear();
    SourceMonitor monitor = context.monitor(source, slot.bound.definition().type());
    monitor.starting();
    monitor.stopped();
    log.info("ingest.{}: position forgotten; reading everything again", source);
    startIfWanted(slot);
  }

  private Slot requireSlot(String source) {
    Slot slot = slots.get(source);
    if (slot == null) {
      throw new IllegalArgumentException("no source '" + source + "'; configured: " + slots.keySet());
    }
    return slot;
  }

  private Path pauseMarker(String source) {
    return properties.stateDir().resolve("connectors").resolve(".paused").resolve(source);
  }

  private boolean isPaused(String source) {
    return Files.exists(pauseMarker(source));
  }

  private void setPaused(String source, boolean paused) {
    Path marker = pauseMarker(source);
    try {
      if (paused) {
        Files.createDirectories(marker.getParent());
        if (!Files.exists(marker)) {
          Files.createFile(marker);
        }
      } else {
        Files.deleteIfExists(marker);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot record the pause of " + source + " in " + marker + ": " + e.getMessage(), e);
    }
  }
}
