package io.schedulr.notification.support;

import io.schedulr.notification.domain.Invitation;
import io.schedulr.notification.domain.InviteMethod;
import io.schedulr.notification.domain.Meeting;
import io.schedulr.notification.domain.Person;

import java.time.Instant;

public final class Fixtures {
    public static final Person HOST = new Person("Hanna.Host@Example.com", "Hanna Host", "Europe/Berlin");
    public static final Person GUEST = new Person("gustav@example.org", "Gustav Guest", "America/New_York");
    public static final Instant START = Instant.parse("2025-06-03T12:00:00Z");
    public static final Instant END = Instant.parse("2025-06-03T13:00:00Z");

    private Fixtures() {
    }

    public static Meeting meeting(int sequence) {
        return new Meeting("room-1", "room-1@schedulr.test", sequence, START, END, "Piano practice", "https://meet.example.com/room-1",
                HOST, GUEST);
    }

    public static Invitation invitation(InviteMethod method, int sequence, Person recipient) {
        return new Invitation("evt-" + sequence, method, meeting(sequence), recipient);
    }
}
