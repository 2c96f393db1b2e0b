package io.schedulr.testsupport.infra;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Picked ports stay below the range of outgoing connections (this machine's), within the module's own range when its
 * build sets one, never repeat, never hit a reserved one.
 */
class InfraPortsTest {

    @Test
    void portsComeFromBelowTheRangeOfOutgoingConnectionsAndAreHandedOutOnce() {
        Set<Integer> ports = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            ports.add(InfraPorts.free());
        }
        int firstOutgoing = InfraPorts.firstEphemeralPort();
        assertThat(firstOutgoing).as("the kernel's range, as read").isGreaterThan(21000);
        assertThat(ports).hasSize(200).allSatisfy(port -> assertThat(port).isBetween(20000, firstOutgoing - 1));
    }

    @Test
    void reservedPortsAreNeverHandedOut() {
        List<Integer> reserved = IntStream.range(20000, 26000).boxed().toList();
        InfraPorts.reserve(reserved);
        for (int i = 0; i < 50; i++) {
            assertThat(InfraPorts.free()).isGreaterThanOrEqualTo(26000);
        }
    }

    @Test
    void aModuleWithItsOwnRangePicksOnlyThere() {
        String before = System.getProperty(InfraPorts.RANGE_PROPERTY);
        System.setProperty(InfraPorts.RANGE_PROPERTY, "27000-28500");
        try {
            for (int i = 0; i < 50; i++) {
                assertThat(InfraPorts.free()).isBetween(27000, 28499);
            }
        } finally {
            if (before == null) {
                System.clearProperty(InfraPorts.RANGE_PROPERTY);
            } else {
                System.setProperty(InfraPorts.RANGE_PROPERTY, before);
            }
        }
    }
}
