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
        withProperties("27000-28500", "", () -> {
            for (int i = 0; i < 50; i++) {
                assertThat(InfraPorts.free()).isBetween(27000, 28499);
            }
        });
    }

    @Test
    void aForkPicksOnlyInItsSliceOfTheModulesRangeAndBlocksNeverOverlap() {
        withProperties("28500-32500", "2/2", () -> {
            for (int i = 0; i < 50; i++) {
                assertThat(InfraPorts.free()).isBetween(30500, 32499);
            }
            Set<Integer> taken = new HashSet<>();
            for (int i = 0; i < 20; i++) {
                int base = InfraPorts.freeBlock(13);
                assertThat(base).isBetween(30500, 32499 - 13);
                IntStream.range(base, base + 13).forEach(port -> assertThat(taken.add(port)).as("port %d in two blocks", port).isTrue());
            }
            assertThat(InfraPorts.free()).isNotIn(taken);
        });
        withProperties("28500-32500", "1/2", () -> assertThat(InfraPorts.free()).isBetween(28500, 30499));
    }

    private static void withProperties(String range, String slice, Runnable body) {
        String rangeBefore = System.getProperty(InfraPorts.RANGE_PROPERTY);
        String sliceBefore = System.getProperty(InfraPorts.SLICE_PROPERTY);
        System.setProperty(InfraPorts.RANGE_PROPERTY, range);
        System.setProperty(InfraPorts.SLICE_PROPERTY, slice);
        try {
            body.run();
        } finally {
            restore(InfraPorts.RANGE_PROPERTY, rangeBefore);
            restore(InfraPorts.SLICE_PROPERTY, sliceBefore);
        }
    }

    private static void restore(String property, String value) {
        if (value == null) {
            System.clearProperty(property);
        } else {
            System.setProperty(property, value);
        }
    }
}
