package cn.jzz.hub.config;

/**
 * The hub's Kafka topic names under one namespace ({@code hub} by default, as hub-api.md names
 * them). Other namespaces let several hubs, or test runs, share one broker without seeing each other.
 */
public record Topics(String namespace) {

  public String raw(String source) {
    return rawPrefix() + source;
  }

  public String rawPrefix() {
    return namespace + ".raw.";
  }

  /** The source a raw topic carries, or null for another topic. */
  public String sourceOfRaw(String topic) {
    return topic.startsWith(rawPrefix()) ? topic.substring(rawPrefix().length()) : null;
  }

  public String contributions() {
    return namespace + ".contributions";
  }

  public String residents() {
    return namespace + ".residents";
  }

  /** Reference data that are not people (compounds, buildings, houses, grids, families), keyed {@code kind:code}. */
  public String reference() {
    return namespace + ".reference";
  }

  /** Who is linked to which house, family or insurance record, keyed by the link: the merge's join. */
  public String links() {
    return namespace + ".links";
  }

  public String quarantine() {
    return namespace + ".quarantine";
  }
}
