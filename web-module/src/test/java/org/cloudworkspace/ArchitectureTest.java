package org.cloudworkspace;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The house rules of the code base, checked on the classes of the web and EJB modules. */
class ArchitectureTest {

  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.cloudworkspace");
  }

  @Test
  void commonDependsOnNoFeatureContext() {
    noClasses()
        .that()
        .resideInAPackage("org.cloudworkspace.common..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.cloudworkspace.auth..", "org.cloudworkspace.files..", "org.cloudworkspace.office..",
            "org.cloudworkspace.mail..", "org.cloudworkspace.ide..", "org.cloudworkspace.admin..",
            "org.cloudworkspace.inventory..")
        .check(classes);
  }

  @Test
  void servicesKnowNothingOfHttp() {
    noClasses()
        .that()
        .resideOutsideOfPackages("..api..", "org.cloudworkspace.common.web..", "org.cloudworkspace.common.error..",
            "org.cloudworkspace.common.health..", "org.cloudworkspace.ide.health..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("jakarta.ws.rs..", "jakarta.servlet..")
        .check(classes);
  }

  @Test
  void nobodyPrintsStackTraces() {
    noClasses().should().callMethod(Throwable.class, "printStackTrace").check(classes);
  }

  @Test
  void entitiesStayOutOfTheWebLayerExceptThroughViews() {
    noClasses()
        .that()
        .resideInAPackage("..api..")
        .should()
        .dependOnClassesThat()
        .haveFullyQualifiedName("jakarta.persistence.EntityManager")
        .check(classes);
  }
}
