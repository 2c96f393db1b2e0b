package io.schedulr.deploy;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The stack's ports: every choice names {@value StackPorts#COUNT} different ports, each with what uses it. */
class StackPortsTest {

    @Test
    void theFixedPortsAreTheDocumentedOnesWithTheTraceCollectorOn8094() {
        StackPorts fixed = StackPorts.fixed();
        assertThat(fixed.traces()).isEqualTo(8094);
        assertThat(fixed.calcom()).isEqualTo(8093);
        assertThat(fixed.byPort()).hasSize(StackPorts.COUNT).containsEntry(8094, "local trace collector")
                .containsKeys(8080, 8081, 8082, 8083, 15432, 19092, 19093, 3025, 3143, 8090, 8091, 8093);
    }

    @Test
    void fromBaseTakesCountConsecutivePortsTheCollectorLast() {
        StackPorts ports = StackPorts.fromBase(30000);
        assertThat(ports.byPort().keySet()).containsExactlyInAnyOrderElementsOf(
                IntStream.range(30000, 30000 + StackPorts.COUNT).boxed().toList());
        assertThat(ports.traces()).isEqualTo(30000 + StackPorts.COUNT - 1);
        assertThat(ports.byPort()).containsEntry(ports.traces(), "local trace collector");
    }

    @Test
    void freePortsAreAllDifferent() {
        StackPorts free = StackPorts.free();
        List<Integer> all = List.of(free.scheduling(), free.notification(), free.calendarSync(), free.calcomGateway(), free.postgres(),
                free.kafka(), free.kafkaController(), free.smtp(), free.imap(), free.issuer(), free.control(), free.calcom(), free.traces());
        assertThat(new HashSet<>(all)).hasSize(StackPorts.COUNT);
        assertThat(free.byPort()).hasSize(StackPorts.COUNT);
    }
}
