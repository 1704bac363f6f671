package cn.jzz.hub.connector.camel;

import cn.jzz.hub.connector.ConnectorContext;
import cn.jzz.hub.connector.IngestException;
import cn.jzz.hub.connector.RawEvent;
import cn.jzz.hub.connector.SourceConnector;
import cn.jzz.hub.connector.SourceMonitor;
import cn.jzz.hub.connector.SourceStatus;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A connector that runs as one Camel route {@code ingest.<source>} under the shared {@link
 * IngestErrorPolicy}. Subclasses say where the route starts (a poll trigger, a file folder) and what one
 * exchange does; this class adds the route on start and removes it on stop, skips work while the
 * source is failed or backing off, and doubles the pause between attempts after each retriable failure.
 */
public abstract class CamelSourceConnector implements SourceConnector {

  private static final Logger log = LoggerFactory.getLogger(CamelSourceConnector.class);
  private static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(60);

  protected final String source;
  protected final String type;
  protected final ConnectorContext context;
  protected final SourceMonitor monitor;
  private volatile boolean stopping = true;
  private volatile long notBeforeNanos;
  /**
   * Guards the backoff; not the connector's own monitor, which {@link #stop()} holds while it waits for
   * the route's exchange in flight: that exchange must be able to finish (it did not, and every stop
   * that met the end of a pass waited out the 30 s shutdown timeout).
   */
  private final Object backoffLock = new Object();
  private Duration backoff = FIRST_BACKOFF;

  protected CamelSourceConnector(String source, String type, ConnectorContext context) {
    this.source = source;
    this.type = type;
    this.context = context;
    this.monitor = context.monitor(source, type);
  }

  public final String routeId() {
    return "ingest." + source;
  }

  /** The Camel endpoint the route consumes from. */
  protected abstract String fromUri();

  /** One unit of work: a poll, a pass over an API, a file. Throw to let the error policy decide. */
  protected abstract void work(Exchange exchange) throws Exception;

  /** Called once on start, before the route runs, e.g. to create folders. */
  protected void prepare() throws Exception {}

  @Override
  public String source() {
    return source;
  }

  @Override
  public String type() {
    return type;
  }

  protected boolean stopping() {
    return stopping;
  }

  /** Publishes and returns only after Kafka acknowledged; commit positions after this returns. */
  protected void publish(List<RawEvent> batch) throws InterruptedException {
    context.publish(monitor, batch, this::stopping);
  }

  /**
   * A polling trigger of this start only: Camel's {@code scheduler} consumer, which runs its first
   * poll at once and each next one {@code intervalMs} after the previous one ended. Not the {@code timer}
   * consumer: that one drops a tick fired while it is still starting, which with no delay is the first
   * tick, so a source started or restarted under load read nothing for a whole interval. A name per
   * start, because consumers of one name share a thread: a poll of a stopped route still blocked in I/O
   * must not hold up the restarted route's first poll.
   */
  protected String pollUri(long intervalMs) {
    return "scheduler:" + routeId() + "-" + TRIGGERS.incrementAndGet() + "?initialDelay=0&delay=" + intervalMs + "&useFixedDelay=true";
  }

  private static final java.util.concurrent.atomic.AtomicLong TRIGGERS = new java.util.concurrent.atomic.AtomicLong();

  @Override
  public synchronized void start() {
    stopping = false;
    synchronized (backoffLock) {
      backoff = FIRST_BACKOFF;
    }
    notBeforeNanos = 0;
    monitor.starting();
    CamelContext camel = context.camel();
    try {
      prepare();
      IngestErrorPolicy.ensure(camel);
      camel.addRoutes(
          new RouteBuilder(camel) {
            @Override
            public void configure() {
              from(fromUri())
                  .routeId(routeId())
                  .routeConfigurationId(IngestErrorPolicy.ID)
                  .setProperty(IngestErrorPolicy.CONNECTOR, constant(CamelSourceConnector.this))
                  .process(CamelSourceConnector.this::guarded);
            }
          });
    } catch (IngestException e) {
      onPermanentFailure(e);
    } catch (Exception e) {
      monitor.failed("cannot start route " + routeId() + ": " + IngestErrorPolicy.describe(e));
      log.error("{}: cannot start: {}", routeId(), e.toString());
    }
  }

  private void guarded(Exchange exchange) throws Exception {
    if (stopping || monitor.isFailed() || System.nanoTime() - notBeforeNanos < 0) {
      return;
    }
    try {
      work(exchange);
    } catch (InterruptedException e) {
      if (stopping) {
        return; // stopped mid-way: nothing was committed past what was published
      }
      throw e;
    }
    synchronized (backoffLock) {
      backoff = FIRST_BACKOFF;
    }
    monitor.running();
  }

  void onRetriableFailure(Throwable error) {
    if (stopping) {
      return;
    }
    String reason = IngestErrorPolicy.describe(error);
    monitor.retrying(reason);
    synchronized (backoffLock) {
      log.warn("{}: {}; trying again in {} s", routeId(), reason, backoff.toSeconds());
      notBeforeNanos = System.nanoTime() + backoff.toNanos();
      backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
    }
  }

  void onPermanentFailure(Throwable error) {
    if (stopping && !(error instanceof IngestException)) {
      return; // an interrupted read while stopping is not the source's fault
    }
    String reason = IngestErrorPolicy.describe(error);
    String stage = error instanceof IngestException ingest ? ingest.stage() : "ingest";
    monitor.failed(reason);
    log.error("{} failed permanently (source {}, stage {}): {}; fix the cause, then POST /api/v1/sources/{}/resume", routeId(), source, stage, reason, source);
  }

  @Override
  public synchronized void stop() {
    stopping = true;
    CamelContext camel = context.camel();
    try {
      if (camel.getRoute(routeId()) != null) {
        camel.getRouteController().stopRoute(routeId(), 30, TimeUnit.SECONDS);
        camel.removeRoute(routeId());
      }
    } catch (Exception e) {
      log.warn("{}: stopping the route: {}", routeId(), e.toString());
    }
    monitor.stopped();
  }

  @Override
  public SourceStatus status() {
    return monitor.status();
  }
}
