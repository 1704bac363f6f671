package cn.jzz.hub.connector.poll;

import cn.jzz.hub.connector.ConnectorContext;
import cn.jzz.hub.connector.ConnectorType;
import cn.jzz.hub.connector.SourceConnector;
import org.springframework.stereotype.Component;

/** {@code type: jdbc-poll}: keyset polling on a change timestamp, for sources without CDC rights. */
@Component
public class JdbcPollConnectorType implements ConnectorType<JdbcPollOptions> {

  @Override
  public String id() {
    return "jdbc-poll";
  }

  @Override
  public Class<JdbcPollOptions> optionsType() {
    return JdbcPollOptions.class;
  }

  @Override
  public SourceConnector create(String source, JdbcPollOptions options, ConnectorContext context) {
    return new JdbcPollConnector(source, id(), options, context);
  }
}
