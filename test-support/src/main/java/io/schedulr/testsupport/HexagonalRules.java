package io.schedulr.testsupport;

import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The ports-and-adapters dependency rules. Each service runs them all with
 * {@code @ArchTest static final ArchTests rules = ArchTests.in(HexagonalRules.class);}.
 */
public final class HexagonalRules {
    private static final String[] FRAMEWORKS = {
            "io.quarkus..", "jakarta..", "javax.persistence..", "javax.inject..", "javax.ws..", "javax.enterprise..", "org.hibernate..", "io.vertx..", "com.fasterxml..",
            "org.apache.kafka..", "org.eclipse.microprofile..", "io.smallrye.faulttolerance..", "io.smallrye.reactive.messaging..",
            "org.jboss..", "com.google..", "net.fortuna..", "org.mnode..", "io.schedulr.kit.."};

    /** Domain and application code import no framework (Mutiny in port signatures is the one exception). */
    @ArchTest
    public static final ArchRule CORE_IS_FRAMEWORK_FREE = noClasses()
            .that().resideInAnyPackage("..domain..", "..application..")
            .should().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS)
            .because("the core must compile and be tested without Quarkus (STYLE.md)");

    /** The core never reaches into adapters or wiring. */
    @ArchTest
    public static final ArchRule CORE_DOES_NOT_KNOW_ADAPTERS = noClasses()
            .that().resideInAnyPackage("..domain..", "..application..")
            .should().dependOnClassesThat().resideInAnyPackage("..adapter..", "..config..");

    /** The domain is plain Java: not even the application layer or Mutiny. */
    @ArchTest
    public static final ArchRule DOMAIN_IS_PLAIN_JAVA = noClasses()
            .that().resideInAnyPackage("..domain..")
            .should().dependOnClassesThat().resideInAnyPackage("..application..", "io.smallrye..");

    /**
     * Adapters meet only through the core: the REST adapter does not catch the video adapter's exception, the
     * stream does not read a Kafka adapter. Each {@code adapter.in.X} / {@code adapter.out.X} package is a slice.
     */
    @ArchTest
    public static final ArchRule ADAPTERS_DO_NOT_DEPEND_ON_EACH_OTHER = slices()
            .matching("..adapter.(*).(*)..")
            .should().notDependOnEachOther()
            .because("a failure or a feed one adapter needs from another is a port of the core")
            .allowEmptyShould(true);

    /**
     * The core logs through {@link System.Logger}, whose levels the services' log manager names as every other line's
     * ({@code WARN}, {@code ERROR}); {@code java.util.logging}'s would come out as {@code WARNING} and {@code SEVERE}, which
     * a search for the usual names misses.
     */
    @ArchTest
    public static final ArchRule NO_JAVA_UTIL_LOGGING = noClasses()
            .should().dependOnClassesThat().resideInAPackage("java.util.logging..")
            .because("its levels print as WARNING and SEVERE, not as WARN and ERROR like every other line (docs/operations.md)");

    private HexagonalRules() {
    }
}
