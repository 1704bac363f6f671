package cn.jzz.hub.schema;

import java.util.List;
import java.util.Set;

/**
 * One entry of the tag dictionary.
 *
 * @param name the tag as stored and shown (e.g. 独居)
 * @param field the tag field holding it (e.g. {@code elderly_tags}); null for age filters
 * @param owners source ids that may assert it; empty for age filters
 * @param sensitivity effective sensitivity (the field's unless tags.yaml overrides it)
 * @param explanation Chinese explanation for the console
 * @param rule how the hub decides whether it holds
 */
public record TagDef(
    String name, String field, List<String> owners, Set<Sensitivity> sensitivity, String explanation, TagRule rule) {

  public TagDef {
    owners = List.copyOf(owners);
    sensitivity = Set.copyOf(sensitivity);
  }

  public boolean isAgeFilter() {
    return rule instanceof AgeFilter;
  }

  public boolean isRestricted() {
    return sensitivity.contains(Sensitivity.RESTRICTED);
  }
}
