package io.schedulr.testsupport.infra;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Picked ports stay out of the range of outgoing connections (32768 and up here), never repeat, never hit a reserved one. */
class InfraPortsTest {

    @Test
    void portsComeFromBelowTheRangeOfOutgoingConnectionsAndAreHandedOutOnce() {
        Set<Integer> ports = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            ports.add(InfraPorts.free());
        }
        assertThat(ports).hasSize(200).allSatisfy(port -> assertThat(port).isBetween(20000, 32767));
    }

    @Test
    void reservedPortsAreNeverHandedOut() {
        List<Integer> reserved = IntStream.range(20000, 26000).boxed().toList();
        InfraPorts.reserve(reserved);
        for (int i = 0; i < 50; i++) {
            assertThat(InfraPorts.free()).isGreaterThanOrEqualTo(26000);
        }
    }
}
