package cn.jzz.hub.connector;

import cn.jzz.hub.config.HubProperties;
import java.nio.file.Path;

/** What the hub gives every connector: where to publish, where to keep positions, server addresses. */
public record ConnectorContext(RawEventPublisher publisher, HubProperties properties) {

  /** A directory only this source's connector writes: offsets, watermarks, schema history. */
  public Path stateDir(String source) {
    return properties.stateDir().resolve("connectors").resolve(source);
  }
}
