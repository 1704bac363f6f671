package cn.jzz.hub.schema;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** schema is the foundation every stage reads; it must not reach up into the stages. */
class SchemaDependenciesTest {

  private final JavaClasses classes = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("cn.jzz.hub");

  @Test
  void schemaDependsOnNoOtherHubPackage() {
    noClasses().that().resideInAPackage("cn.jzz.hub.schema..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "cn.jzz.hub.identity..", "cn.jzz.hub.query..", "cn.jzz.hub.connector..", "cn.jzz.hub.normalize..",
            "cn.jzz.hub.merge..", "cn.jzz.hub.index..", "cn.jzz.hub.export..", "cn.jzz.hub.console..",
            "cn.jzz.hub.security..", "cn.jzz.hub.ops..")
        .check(classes);
  }

  @Test
  void identityDependsOnlyOnSchema() {
    noClasses().that().resideInAPackage("cn.jzz.hub.identity..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "cn.jzz.hub.query..", "cn.jzz.hub.connector..", "cn.jzz.hub.normalize..", "cn.jzz.hub.merge..",
            "cn.jzz.hub.index..", "cn.jzz.hub.export..", "cn.jzz.hub.console..", "cn.jzz.hub.security..",
            "cn.jzz.hub.ops..")
        .check(classes);
  }
}
