package cn.jzz.hub;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The folders tell the architecture: stages depend one way, from ingest towards query. */
class ArchitectureTest {

  private final JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("cn.jzz.hub");

  @Test
  void stagePackagesHaveNoCycles() {
    slices().matching("cn.jzz.hub.(*)..").should().beFreeOfCycles().check(classes);
  }

  @Test
  void earlierStagesDoNotKnowLaterOnes() {
    noClasses().that().resideInAPackage("..connector..").should().dependOnClassesThat().resideInAnyPackage("cn.jzz.hub.normalize..", "cn.jzz.hub.merge..", "cn.jzz.hub.index..", "cn.jzz.hub.query..", "cn.jzz.hub.security..", "cn.jzz.hub.sim..").check(classes);
    noClasses().that().resideInAPackage("..normalize..").should().dependOnClassesThat().resideInAnyPackage("cn.jzz.hub.merge..", "cn.jzz.hub.index..", "cn.jzz.hub.query..", "cn.jzz.hub.sim..").check(classes);
    noClasses().that().resideInAPackage("..merge..").should().dependOnClassesThat().resideInAnyPackage("cn.jzz.hub.index..", "cn.jzz.hub.query..", "cn.jzz.hub.sim..").check(classes);
    noClasses().that().resideInAPackage("..index..").should().dependOnClassesThat().resideInAnyPackage("cn.jzz.hub.query..", "cn.jzz.hub.sim..").check(classes);
  }

  @Test
  void theSimulatedWorldIsNotPartOfTheProduct() {
    noClasses().that().resideOutsideOfPackage("..sim..").should().dependOnClassesThat().resideInAPackage("..sim..").check(classes);
  }
}
