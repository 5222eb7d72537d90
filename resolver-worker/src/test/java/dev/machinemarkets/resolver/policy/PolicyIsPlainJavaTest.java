package dev.machinemarkets.resolver.policy;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The policy rules are domain code: no framework, broker or store in them. */
@AnalyzeClasses(packages = "dev.machinemarkets.resolver.policy", importOptions = ImportOption.DoNotIncludeTests.class)
class PolicyIsPlainJavaTest {

    @ArchTest
    static final ArchRule noFrameworks = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("org.springframework..", "org.apache.kafka..", "com.mongodb..", "org.bson..", "dev.machinemarkets.schemas..");
}
