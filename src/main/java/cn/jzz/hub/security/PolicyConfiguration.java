package cn.jzz.hub.security;

import cn.jzz.hub.schema.AccessPolicyLoader;
import cn.jzz.hub.schema.ResidentSchema;
import cn.jzz.hub.schema.SchemaException;
import cn.jzz.hub.schema.SchemaProperties;
import cn.jzz.hub.schema.TagDictionary;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Loads schemas/access-policy.yaml once at start-up; an invalid policy stops the start, listing every problem. */
@Configuration(proxyBeanMethods = false)
public class PolicyConfiguration {

  @Bean
  AccessPolicy accessPolicy(SchemaProperties properties, ResidentSchema schema, TagDictionary tags) {
    try {
      return new AccessPolicy(AccessPolicyLoader.load(properties.schemasDir(), schema, tags, AccessPolicy.ROLES), schema);
    } catch (SchemaException e) {
      throw new IllegalStateException("hub.schemas-dir=" + properties.schemasDir().toAbsolutePath() + ": " + e.getMessage(), e);
    }
  }

  @Bean
  FieldProtection fieldProtection(ResidentSchema schema, TagDictionary tags, AccessPolicy policy) {
    return new FieldProtection(schema, tags, policy);
  }
}
