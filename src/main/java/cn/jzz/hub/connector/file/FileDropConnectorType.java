package cn.jzz.hub.connector.file;

import cn.jzz.hub.connector.ConnectorContext;
import cn.jzz.hub.connector.ConnectorType;
import cn.jzz.hub.connector.SourceConnector;
import org.springframework.stereotype.Component;

/** {@code type: file}: full dumps (CSV or XLSX) dropped into an inbox folder, diffed against the previous dump. */
@Component
public class FileDropConnectorType implements ConnectorType<FileDropOptions> {

  @Override
  public String id() {
    return "file";
  }

  @Override
  public Class<FileDropOptions> optionsType() {
    return FileDropOptions.class;
  }

  @Override
  public SourceConnector create(String source, FileDropOptions options, ConnectorContext context) {
    return new FileDropConnector(source, id(), options, context);
  }
}
