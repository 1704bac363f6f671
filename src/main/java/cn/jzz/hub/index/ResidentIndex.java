package cn.jzz.hub.index;

import cn.jzz.hub.config.HubProperties;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.ResponseException;
import org.elasticsearch.client.RestClient;

/**
 * The residents index: a template derived from {@code schemas/}, a versioned concrete index
 * ({@code residents-v1}) and the alias every reader and writer uses, so a rebuild can swap the alias.
 */
public final class ResidentIndex {

  private final RestClient client;
  private final String alias;
  private final String templateJson;

  /** @param template the template derived from {@code schemas/}; its index pattern is set to {@code <alias>-*} */
  public ResidentIndex(RestClient client, HubProperties properties, ObjectNode template) {
    this.client = client;
    this.alias = properties.elasticsearch().alias();
    ObjectNode forAlias = template.deepCopy();
    forAlias.putArray("index_patterns").add(alias + "-*");
    this.templateJson = forAlias.toString();
  }

  public String alias() {
    return alias;
  }

  /** Puts the template and creates the first versioned index behind the alias if there is none. */
  public void ensure() {
    try {
      Request template = new Request("PUT", "/_index_template/" + alias + "-template");
      template.setJsonEntity(templateJson);
      client.performRequest(template);
      if (!exists("/_alias/" + alias)) {
        Request create = new Request("PUT", "/" + alias + "-v1");
        create.setJsonEntity("{\"aliases\":{\"" + alias + "\":{\"is_write_index\":true}}}");
        client.performRequest(create);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare the residents index at Elasticsearch: " + e.getMessage(), e);
    }
  }

  /** Makes everything written so far searchable (tests and the demo's readiness check). */
  public void refresh() throws IOException {
    client.performRequest(new Request("POST", "/" + alias + "/_refresh"));
  }

  public long count() throws IOException {
    var response = client.performRequest(new Request("GET", "/" + alias + "/_count"));
    String body = new String(response.getEntity().getContent().readAllBytes(), StandardCharsets.UTF_8);
    return cn.jzz.hub.support.Json.MAPPER.readTree(body).path("count").asLong();
  }

  private boolean exists(String path) throws IOException {
    try {
      return client.performRequest(new Request("HEAD", path)).getStatusLine().getStatusCode() == 200;
    } catch (ResponseException e) {
      if (e.getResponse().getStatusLine().getStatusCode() == 404) {
        return false;
      }
      throw e;
    }
  }
}
