package io.schedulr.testsupport;

import io.schedulr.testsupport.nativefixture.adapter.in.rest.FixtureBodies;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The checker itself, on the fixtures in {@code io.schedulr.testsupport.nativefixture}: it finds, and it fails. */
class NativeRegistrationCheckTest {
    private static final String FIXTURE = "io.schedulr.testsupport.nativefixture.";

    private static List<String> fixtureProblems(NativeRegistrationCheck check) {
        return check.problems().stream().filter(p -> p.contains(FIXTURE)).toList();
    }

    @Test
    void namesEveryUnregisteredClassJacksonBindsWithTheRuleThatFoundIt() {
        NativeRegistrationCheck check = NativeRegistrationCheck.of(FixtureBodies.class)
                .allow(FIXTURE + "adapter.in.rest.Allowed", "fixture: shows an allowlisted record");

        assertThat(check.jacksonBound()).containsKeys(FIXTURE + "adapter.in.rest.FixtureBodies$Registered",
                FIXTURE + "domain.Part", FIXTURE + "domain.Stored");
        assertThat(fixtureProblems(check)).containsExactlyInAnyOrder(
                FIXTURE + "adapter.in.rest.Unregistered is not registered for reflection (record in an adapter package)",
                FIXTURE + "domain.Part is not registered for reflection (part of " + FIXTURE + "adapter.in.rest.FixtureBodies$Registered)",
                FIXTURE + "domain.Stored is not registered for reflection (named by HandWriter, which reads or writes JSON with an ObjectMapper by hand)",
                "@RegisterForReflection names " + FIXTURE + "Gone, which is not on the class path (a typo, or a class that went away)");
        assertThatThrownBy(check::assertComplete).isInstanceOf(AssertionError.class)
                .hasMessageContaining(FIXTURE + "domain.Stored is not registered");
    }

    @Test
    void nestedClassesOfARegisteredClassCountAsRegistered() {
        // FixtureBodies is registered with ignoreNested = false, so Allowed needs no allowlist entry after all
        assertThat(fixtureProblems(NativeRegistrationCheck.of(FixtureBodies.class)))
                .noneMatch(p -> p.startsWith(FIXTURE + "adapter.in.rest.FixtureBodies$"));
        // nested classes of a registered class count as registered (ignoreNested = false)
        assertThat(NativeRegistrationCheck.isRegistered(java.util.Set.of("a.B", "a.B$"), "a.B$C$D")).isTrue();
        assertThat(NativeRegistrationCheck.isRegistered(java.util.Set.of("a.B"), "a.B$C")).isFalse();
    }

    @Test
    void staleAllowlistEntriesAndMissingResourcesAreReported() {
        NativeRegistrationCheck check = NativeRegistrationCheck.of(FixtureBodies.class)
                .allow(FIXTURE + "NoSuchDto", "fixture: stale entry")
                .requireResource("ical4j.properties", "fixture");
        assertThat(check.problems()).contains(
                "allowlist entry " + FIXTURE + "NoSuchDto is stale: no rule finds it any more",
                "resource ical4j.properties is not in quarkus.native.resources.includes (fixture)");
        assertThat(NativeRegistrationCheck.globToRegex("META-INF/services/net.fortuna.ical4j.*")
                .matcher("META-INF/services/net.fortuna.ical4j.model.PropertyFactory").matches()).isTrue();
        assertThat(NativeRegistrationCheck.globToRegex("zoneinfo/**").matcher("zoneinfo/Europe/Berlin.ics").matches()).isTrue();
        assertThat(NativeRegistrationCheck.globToRegex("zoneinfo/*").matcher("zoneinfo/Europe/Berlin.ics").matches()).isFalse();
    }
}
