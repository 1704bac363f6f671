package cn.jzz.hub.ops;

import com.sun.management.GarbageCollectionNotificationInfo;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * {@code hub.jvm.heap.after.gc} (bytes): heap in use right after the most recent collection, young or
 * full. Heap used sampled at
 * any moment counts garbage not yet collected; after a collection only what survived is left, so the
 * growth of this number is the growth of what the hub really holds (the bench's B8 reports both).
 * Micrometer's {@code jvm.gc.live.data.size} is updated only by old-generation collections, which an
 * export of a few seconds may never see.
 */
public final class HeapAfterGc implements MeterBinder {

  private final AtomicLong last = new AtomicLong(-1);
  private final Set<String> heapPools =
      ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName).collect(Collectors.toSet());

  @Override
  public void bindTo(MeterRegistry registry) {
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      if (gc instanceof NotificationEmitter emitter) {
        emitter.addNotificationListener((notification, handback) -> {
          if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            record(GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData()).getGcInfo().getMemoryUsageAfterGc());
          }
        }, null, null);
      }
    }
    Gauge.builder("hub.jvm.heap.after.gc", last, AtomicLong::get).baseUnit("bytes").description("heap used right after the most recent garbage collection").register(registry);
  }

  private void record(Map<String, MemoryUsage> afterGc) {
    long used = afterGc.entrySet().stream().filter(e -> heapPools.contains(e.getKey())).mapToLong(e -> e.getValue().getUsed()).sum();
    last.set(used);
  }
}
