package org.craftmark.core.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The rulebook is plain Java: it must read like domain.md and run anywhere, so it may use the JDK
 * and itself, and nothing else — no web framework, no SQL, no JSON.
 */
@AnalyzeClasses(packages = "org.craftmark.core", importOptions = ImportOption.DoNotIncludeTests.class)
class RulebookStaysFrameworkFreeTest {

    @ArchTest
    static final ArchRule onlyTheJdkAndTheRulebook = classes()
            .should().onlyDependOnClassesThat()
            .resideInAnyPackage("org.craftmark.core..", "java..")
            .because("competition-core holds the rules and nothing else");

    @ArchTest
    static final ArchRule noDatabaseAccess = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..")
            .because("storage belongs to the server");

    @ArchTest
    static final ArchRule noBinaryFloatingPointInScores = noClasses()
            .should().dependOnClassesThat().haveFullyQualifiedName("java.lang.Double")
            .because("marks and totals are exact decimals");
}
