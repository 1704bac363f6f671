package cn.jzz.hub.security;

import cn.jzz.hub.schema.AccessPolicyLoader;
import cn.jzz.hub.schema.SchemaFixtures;

/** The shipped access policy and the protection built on it. */
public final class PolicyFixtures {

  private PolicyFixtures() {}

  public static AccessPolicy policy() {
    return new AccessPolicy(AccessPolicyLoader.load(SchemaFixtures.SCHEMAS, SchemaFixtures.schema(), SchemaFixtures.tags(), AccessPolicy.ROLES), SchemaFixtures.schema());
  }

  public static FieldProtection protection() {
    return new FieldProtection(SchemaFixtures.schema(), SchemaFixtures.tags(), policy());
  }
}
