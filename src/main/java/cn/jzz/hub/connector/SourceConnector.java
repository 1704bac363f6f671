package cn.jzz.hub.connector;

/** A running reader of one source. Positions are durable, so stop and start resume where it was. */
public interface SourceConnector extends AutoCloseable {

  String source();

  String type();

  void start();

  /** Stops reading; positions of everything already published are kept. */
  void stop();

  SourceStatus status();

  @Override
  default void close() {
    stop();
  }
}
