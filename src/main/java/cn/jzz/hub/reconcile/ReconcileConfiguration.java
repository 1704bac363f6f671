package cn.jzz.hub.reconcile;

import cn.jzz.hub.config.HubProperties;
import cn.jzz.hub.connector.ConnectorCatalog;
import cn.jzz.hub.connector.RawEventPublisher;
import cn.jzz.hub.connector.RecordKeys;
import cn.jzz.hub.index.ResidentIndex;
import cn.jzz.hub.merge.GoldenRecordBuilder;
import cn.jzz.hub.normalize.Normalizer;
import cn.jzz.hub.schema.ResidentSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.elasticsearch.client.RestClient;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class ReconcileConfiguration {

  /**
   * @param ignoredFields mapped fields not to compare (e.g. ones another stage may override)
   * @param personsPerPass persons held in memory at once; more persons mean more passes over the sources
   */
  @Bean
  Reconciler reconciler(
      HubProperties properties,
      ConnectorCatalog catalog,
      Normalizer normalizer,
      GoldenRecordBuilder golden,
      ResidentSchema schema,
      RestClient client,
      ResidentIndex index,
      RawEventPublisher publisher,
      RecordKeys keys,
      @Value("${hub.reconcile.ignore-fields:}") List<String> ignoredFields,
      @Value("${hub.reconcile.persons-per-pass:250000}") int personsPerPass) {
    return new Reconciler(
        properties, catalog, readers(properties, keys), normalizer, golden, schema, new IndexScan(client, index.alias()), publisher,
        Set.copyOf(ignoredFields), personsPerPass);
  }

  private static List<SourceReader> readers(HubProperties properties, RecordKeys keys) {
    List<SourceReader> readers = new ArrayList<>(JdbcSourceReaders.all(properties));
    readers.add(new FileSourceReader(properties, keys));
    return readers;
  }
}
