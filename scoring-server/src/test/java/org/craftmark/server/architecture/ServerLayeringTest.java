package org.craftmark.server.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleName;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Requests flow one way — handler → service → (rules, store) — and SQL lives in the store only. */
@AnalyzeClasses(packages = "org.craftmark.server", importOptions = ImportOption.DoNotIncludeTests.class)
class ServerLayeringTest {

    @ArchTest
    static final ArchRule sqlOnlyInTheStore = noClasses()
            .that().resideOutsideOfPackage("org.craftmark.server.store..")
            .should().dependOnClassesThat().resideInAnyPackage("org.jooq..", "java.sql..", "org.flywaydb..", "com.zaxxer..")
            .because("the store is the only place SQL is written");

    @ArchTest
    static final ArchRule handlersDoNotTouchTheStore = noClasses()
            .that().haveSimpleNameEndingWith("Handlers")
            .should().dependOnClassesThat(resideInAPackage("org.craftmark.server.store..")
                    .and(simpleNameEndingWith("Store").or(simpleName("Database")).or(simpleName("Stores"))))
            .because("handlers parse, call a service and write; services own the data (the store's records may pass through)");

    @ArchTest
    static final ArchRule theStoreKnowsNothingOfHttp = noClasses()
            .that().resideInAPackage("org.craftmark.server.store..")
            .should().dependOnClassesThat().resideInAnyPackage("io.vertx..", "org.craftmark.server.http..")
            .because("repositories map rows, nothing more");
}
