package io.schedulr.notification.adapter.out.mail;

import io.schedulr.notification.domain.Invitation;
import io.schedulr.notification.domain.InviteMethod;
import io.schedulr.notification.domain.Meeting;
import io.schedulr.notification.domain.Person;
import io.schedulr.notification.support.IcsSamples;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.StringReader;
import java.net.URI;
import java.time.Instant;

import static io.schedulr.notification.support.Fixtures.END;
import static io.schedulr.notification.support.Fixtures.HOST;
import static io.schedulr.notification.support.Fixtures.START;
import static org.assertj.core.api.Assertions.assertThat;

/** Names and addresses people really have (or an attacker sends) still make a valid calendar with the right recipient. */
class IcsHostileInputTest {
    private static final Instant NOW = Instant.parse("2025-05-01T08:30:15Z");

    private static String render(Person guest, String sample) throws Exception {
        Meeting meeting = new Meeting("room-h", "room-h@schedulr.test", 0, START, END, "Practice", null, HOST, guest);
        String ics = IcsInviteCalendar.render(new Invitation("evt-h", InviteMethod.REQUEST, meeting, guest), "notifications@schedulr.local",
                NOW);
        IcsSamples.write(sample, ics);
        return ics;
    }

    @ParameterizedTest
    @ValueSource(strings = {"Ann\r\nATTENDEE:mailto:evil@x.com", "Bare\rCR", "Nul\u0000Byte", "\"Quoted\" Name", "Semi;colon: and, comma",
            "Emoji 😀 Ünïcode"})
    void namesBecomeOneValidCnParameter(String name) throws Exception {
        String ics = render(new Person("gustav@example.org", name, "UTC"), "hostile-name-" + Math.abs(name.hashCode()));

        assertThat(ics.replace("\r\n", "")).doesNotContain("\r", "\n", "\u0000");
        VEvent event = (VEvent) new CalendarBuilder().build(new StringReader(ics)).getComponents().get(0);
        assertThat(event.getProperties(Property.ATTENDEE)).hasSize(1);
        Property attendee = event.getProperty(Property.ATTENDEE).orElseThrow();
        assertThat(attendee.getValue()).isEqualTo("mailto:gustav@example.org");
        assertThat(attendee.getParameter(Parameter.CN).orElseThrow().getValue()).doesNotContain("\"", "\r", "\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a%b@x.example", "a{b}c@x.example", "a|b@x.example", "a^b@x.example", "a`b@x.example", "a#b@x.example"})
    void addressesWithUriSpecialCharactersAreEncodedNotLost(String email) throws Exception {
        String ics = render(new Person(email, "Special", "UTC"), "hostile-address-" + Math.abs(email.hashCode()));

        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        Property attendee = ((VEvent) calendar.getComponents().get(0)).getProperty(Property.ATTENDEE).orElseThrow();
        URI uri = URI.create(attendee.getValue());
        assertThat(uri.getScheme()).isEqualTo("mailto");
        assertThat(uri.getFragment()).isNull();
        assertThat(uri.getSchemeSpecificPart()).isEqualTo(email);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"a b\"@x.com", "x@@x.com", "a@x.com\r\nBcc: b@y.com"})
    void addressesTheMailPathCannotSendToAreNoPerson(String email) {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Person(email, "X", "UTC"))
                .isInstanceOf(io.schedulr.notification.domain.InvalidRoomChangeException.class);
    }
}
