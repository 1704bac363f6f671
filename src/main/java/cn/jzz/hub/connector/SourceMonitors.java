package cn.jzz.hub.connector;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** One {@link SourceMonitor} per source for the life of the hub. */
public final class SourceMonitors {

  private final MeterRegistry meters;
  private final Clock clock;
  private final Map<String, SourceMonitor> monitors = new ConcurrentHashMap<>();

  public SourceMonitors(MeterRegistry meters, Clock clock) {
    this.meters = meters;
    this.clock = clock;
  }

  /** For tests and tools that do not export metrics. */
  public SourceMonitors() {
    this(new SimpleMeterRegistry(), Clock.systemUTC());
  }

  public SourceMonitor of(String source, String type) {
    SourceMonitor monitor = monitors.computeIfAbsent(source, s -> new SourceMonitor(s, meters, clock));
    monitor.type(type);
    return monitor;
  }

  public SourceMonitor find(String source) {
    return monitors.get(source);
  }

  public MeterRegistry meters() {
    return meters;
  }
}
