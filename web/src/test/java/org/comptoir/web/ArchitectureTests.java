package org.comptoir.web;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The arrows of DESIGN.md and the rules of STYLE.md, checked on the compiled code of every module. */
@AnalyzeClasses(packages = "org.comptoir", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {
    private static final DescribedPredicate<JavaClass> RECORDS =
            DescribedPredicate.describe("records", JavaClass::isRecord);

    @ArchTest
    static final ArchRule ontologiesDependOnNoOtherModule = noClasses()
            .that()
            .resideInAPackage("org.comptoir.ontologies..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.comptoir.catalog..",
                    "org.comptoir.connectors..",
                    "org.comptoir.governance..",
                    "org.comptoir.web..");

    @ArchTest
    static final ArchRule catalogCoreUsesOnlyOntologies = noClasses()
            .that()
            .resideInAPackage("org.comptoir.catalog..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.comptoir.connectors..", "org.comptoir.governance..", "org.comptoir.web..");

    @ArchTest
    static final ArchRule governanceAndConnectorsIgnoreEachOtherAndTheWeb = noClasses()
            .that()
            .resideInAPackage("org.comptoir.governance..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.comptoir.connectors..", "org.comptoir.web..");

    @ArchTest
    static final ArchRule connectorsIgnoreGovernanceAndTheWeb = noClasses()
            .that()
            .resideInAPackage("org.comptoir.connectors..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.comptoir.governance..", "org.comptoir.web..");

    @ArchTest
    static final ArchRule camelOnlyInConnectors = noClasses()
            .that()
            .resideOutsideOfPackage("org.comptoir.connectors..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.apache.camel..");

    @ArchTest
    static final ArchRule domainRecordsAreFreeOfFrameworks = noClasses()
            .that(RECORDS)
            .and()
            .resideInAnyPackage("org.comptoir.catalog.dataset..", "org.comptoir.governance..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.springframework..", "org.apache.camel..", "org.apache.jena..");

    @ArchTest
    static final ArchRule controllersNeverTouchPersistence = noClasses()
            .that()
            .areAnnotatedWith(org.springframework.web.bind.annotation.RestController.class)
            .or()
            .areAnnotatedWith(org.springframework.stereotype.Controller.class)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.springframework.jdbc..", "java.sql..", "javax.sql..");

    @ArchTest
    static final ArchRule connectorsEndAtTheIngestionApi = noClasses()
            .that()
            .resideInAPackage("org.comptoir.connectors..")
            .should()
            .dependOnClassesThat()
            .haveFullyQualifiedName("org.comptoir.catalog.dataset.Datasets");

    @ArchTest
    static final ArchRule everyModuleHasOneBaseException = classes()
            .that()
            .haveSimpleNameEndingWith("Exception")
            .and()
            .resideInAPackage("org.comptoir..")
            .should()
            .beAssignableTo(org.comptoir.catalog.CatalogException.class)
            .orShould()
            .beAssignableTo(org.comptoir.connectors.ConnectorException.class)
            .orShould()
            .beAssignableTo(org.comptoir.governance.GovernanceException.class)
            .orShould()
            .beAssignableTo(WebException.class)
            // a network failure the harvest retries (a truncated answer) is what the HTTP client throws
            .orShould()
            .beAssignableTo(java.io.IOException.class);
}
