package cn.jzz.hub.export;

import cn.jzz.hub.config.HubProperties;
import cn.jzz.hub.query.FacetLabels;
import cn.jzz.hub.query.ResidentSearchService;
import cn.jzz.hub.schema.ResidentSchema;
import cn.jzz.hub.security.AuditLog;
import cn.jzz.hub.security.FieldProtection;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.nio.file.Path;
import java.time.Clock;
import org.apache.camel.CamelContext;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ExportProperties.class)
public class ExportConfiguration {

  @Bean
  ExportTemplates exportTemplates(ExportProperties properties, ResidentSchema schema) {
    return ExportTemplates.load(properties.templates(), schema);
  }

  @Bean(destroyMethod = "close")
  ExportService exportService(
      ElasticsearchClient client,
      HubProperties hub,
      ResidentSchema schema,
      ResidentSearchService search,
      FieldProtection protection,
      FacetLabels labels,
      ExportTemplates templates,
      AuditLog audit,
      ExportProperties properties) {
    Path dir = properties.dir() != null ? properties.dir() : hub.dataDir().resolve("exports");
    return new ExportService(client, hub.elasticsearch().alias(), schema, search, protection, labels, templates, audit, properties, dir, Clock.systemUTC(), XlsxExportWriter.EXCEL_MAX_ROWS);
  }

  /** Named {@code scheduledExport}: routes in routes/ end with {@code process: {ref: scheduledExport}}. */
  @Bean("scheduledExport")
  ScheduledExports scheduledExport(ExportService exports, AuditLog audit, ExportProperties properties, HubProperties hub, CamelContext camel) {
    ScheduledExports scheduled = new ScheduledExports(exports, audit, properties, hub.dataDir(), Clock.systemUTC());
    scheduled.setCamelContext(camel);
    return scheduled;
  }
}
