package cn.jzz.hub.connector.rest;

import cn.jzz.hub.connector.ConnectorContext;
import cn.jzz.hub.connector.ConnectorType;
import cn.jzz.hub.connector.SourceConnector;
import java.time.Clock;
import org.springframework.stereotype.Component;

/** {@code type: rest}: an HTTP JSON API polled for changes since a watermark, with pluggable auth and paging. */
@Component
public class RestPollConnectorType implements ConnectorType<RestPollOptions> {

  @Override
  public String id() {
    return "rest";
  }

  @Override
  public Class<RestPollOptions> optionsType() {
    return RestPollOptions.class;
  }

  @Override
  public SourceConnector create(String source, RestPollOptions options, ConnectorContext context) {
    return new RestPollConnector(source, id(), options, context, Clock.systemUTC());
  }
}
