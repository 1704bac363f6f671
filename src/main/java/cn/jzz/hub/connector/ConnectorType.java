package cn.jzz.hub.connector;

/**
 * A kind of source system the hub can read ({@code cdc-postgres}, {@code jdbc-poll}, …). Picked by the
 * {@code type:} of a {@code connectors/<source>.yaml}; its {@code options:} bind strictly to {@link
 * #optionsType()}, so a misspelt option fails at start-up with the list of allowed ones.
 *
 * @param <O> the typed options record
 */
public interface ConnectorType<O> {

  /** The id used in {@code type:}. */
  String id();

  Class<O> optionsType();

  /** Builds a connector for one source; it must not touch the source until {@link SourceConnector#start()}. */
  SourceConnector create(String source, O options, ConnectorContext context);
}
