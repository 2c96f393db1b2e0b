package io.schedulr.events;

import java.util.Arrays;
import java.util.Optional;

/** CloudEvents {@code type} values of a person's Google Calendar connection. The suffix is the payload version. */
public enum CalendarConnectionEventType {
    /** Every required scope was granted and the person's dedicated calendar exists. */
    CALENDAR_CONNECTED("io.schedulr.calendar.connected.v1"),
    /** The person is not (or no longer) connected; {@link CalendarConnectionEvent#reason()} says why. */
    CALENDAR_DISCONNECTED("io.schedulr.calendar.disconnected.v1");

    private final String cloudEventType;

    CalendarConnectionEventType(String cloudEventType) {
        this.cloudEventType = cloudEventType;
    }

    public String cloudEventType() {
        return cloudEventType;
    }

    public static Optional<CalendarConnectionEventType> fromCloudEventType(String type) {
        return Arrays.stream(values()).filter(t -> t.cloudEventType.equals(type)).findFirst();
    }
}
