package io.schedulr.scheduling.application.service.interview;

import io.schedulr.scheduling.application.port.out.interview.CalcomGatewayPort.EventTypeOption;

import java.util.stream.Collectors;

/** How a length an event type does not offer is refused, wherever one is asked for. */
final class EventTypeLengths {
    private EventTypeLengths() {
    }

    static String refusal(EventTypeOption type, int minutes) {
        return "'" + type.title() + "' can be booked for " + type.lengths().stream().map(String::valueOf).collect(Collectors.joining(", "))
                + " minutes, not " + minutes + ".";
    }
}
