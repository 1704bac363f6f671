package cn.jzz.hub.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.jzz.hub.schema.AccessPolicyDefinition.Rows;
import cn.jzz.hub.schema.AccessPolicyDefinition.Treatment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccessPolicyLoaderTest {

  static final Set<String> ROLES = Set.of("admin", "analyst", "grid_worker", "system", "department");

  @Test
  void theShippedPolicyLoadsAndFollowsTheProductDecision() {
    AccessPolicyDefinition policy = AccessPolicyLoader.load(SchemaFixtures.SCHEMAS, SchemaFixtures.schema(), SchemaFixtures.tags(), ROLES);
    AccessPolicyDefinition.RoleRule grid = policy.role("grid_worker").orElseThrow();
    assertThat(grid.rows()).isEqualTo(Rows.jurisdiction);
    assertThat(grid.treatment()).containsEntry("contact", Treatment.clear).containsEntry("care", Treatment.clear)
        .containsEntry("identity", Treatment.masked).containsEntry("hukou", Treatment.masked)
        .containsEntry("health", Treatment.hidden).containsEntry("restricted", Treatment.hidden);
    assertThat(policy.role("analyst").orElseThrow().treatment()).containsEntry("care", Treatment.counted).containsEntry("contact", Treatment.masked);
    assertThat(policy.classOf("full_name")).isEqualTo("contact");
    assertThat(policy.classOf("sex")).isEqualTo(AccessPolicyDefinition.ORDINARY);
    assertThat(policy.role("admin").orElseThrow().recordKeys()).isTrue();
    assertThat(policy.minCell()).isEqualTo(5);
  }

  @Test
  void aPolicyWithManyProblemsReportsEveryOne(@TempDir Path tmp) throws Exception {
    Path dir = SchemaFixtures.copyTo(tmp);
    Files.writeString(dir.resolve(AccessPolicyDefinition.FILE), """
        version: 1
        colour: blue
        classes:
          contact: {label: 联系, fields: [full_name, phone, emergency_contact, no_such_field]}
          identity: {label: 身份, fields: [id_number, phone]}
          health: {label: 健康, fields: [health_status], grant: everything}
        roles:
          admin: {label: a, rows: all, treatment: {ordinary: clear, contact: clear, identity: clear, health: clear}}
          analyst: {label: b, rows: everywhere, treatment: {ordinary: clear, contact: blurred, identity: masked}}
          boss: {label: c, rows: all, treatment: {ordinary: clear, contact: clear, identity: clear, health: clear}}
        min_cell: 0
        """);
    assertThatThrownBy(() -> AccessPolicyLoader.load(dir, SchemaFixtures.schema(), SchemaFixtures.tags(), ROLES))
        .isInstanceOf(SchemaException.class)
        .satisfies(e -> {
          List<String> problems = ((SchemaException) e).problems().stream().map(p -> p.path() + ": " + p.message()).toList();
          assertThat(String.join("\n", problems))
              .contains("colour: unknown key 'colour'; allowed: version, classes, roles, grants, min_cell")
              .contains("unknown field 'no_such_field'")
              .contains("'phone' is already in class 'contact'")
              .contains("unknown grant 'everything'")
              .contains("'hukou_address' is [M] in resident.yaml but in no class")
              .contains("'justice_tags' is")
              .contains("role 'grid_worker' is missing")
              .contains("role 'system' is missing")
              .contains("unknown rows 'everywhere'")
              .contains("unknown treatment 'blurred'")
              .contains("missing: how role 'analyst' sees class 'health'")
              .contains("unknown role 'boss'")
              .contains("min_cell");
          assertThat(problems).hasSizeGreaterThanOrEqualTo(14);
        });
  }

  @Test
  void aSourceThatRevealsAnUnknownFieldIsAProblem(@TempDir Path tmp) throws Exception {
    Path dir = SchemaFixtures.copyTo(tmp);
    Path sources = dir.resolve("sources.yaml");
    Files.writeString(sources, Files.readString(sources).replace("reveals: [disability_category]", "reveals: [disablity]"));
    ResidentSchema schema = ResidentSchema.load(dir);
    assertThatThrownBy(() -> AccessPolicyLoader.load(dir, schema, TagDictionary.load(dir, schema), ROLES))
        .hasMessageContaining("unknown field 'disablity'");
  }
}
