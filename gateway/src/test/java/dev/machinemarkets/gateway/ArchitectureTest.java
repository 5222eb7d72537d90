package dev.machinemarkets.gateway;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Keeps the gateway thin: rules stay plain Java, Kafka stays behind the views listener and the stage client. */
@AnalyzeClasses(packages = "dev.machinemarkets.gateway", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule rulesArePlainJava = classes()
            .that().haveSimpleNameEndingWith("Rules").or().haveSimpleName("IdentityRefs").or().haveSimpleName("EndpointUrls")
            .or().haveSimpleName("ProviderKeys").or().haveSimpleName("AgentTokens")
            .should().onlyDependOnClassesThat().resideOutsideOfPackages("org.springframework..", "org.apache.kafka..", "com.mongodb..",
                    "org.bson..", "jakarta.servlet..");

    @ArchTest
    static final ArchRule onlyTheKafkaAdaptersTalkToKafka = noClasses()
            .that().resideOutsideOfPackages("..gateway.eventlog..", "..gateway.stages..")
            .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..", "org.springframework.kafka..");

    @ArchTest
    static final ArchRule servicesKnowNothingOfHttp = noClasses()
            .that().haveSimpleNameEndingWith("Service")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..", "org.springframework.http..",
                    "jakarta.servlet..");
}
