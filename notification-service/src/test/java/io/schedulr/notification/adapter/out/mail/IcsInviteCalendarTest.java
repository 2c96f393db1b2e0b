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
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;

import static io.schedulr.notification.support.Fixtures.END;
import static io.schedulr.notification.support.Fixtures.GUEST;
import static io.schedulr.notification.support.Fixtures.HOST;
import static io.schedulr.notification.support.Fixtures.START;
import static io.schedulr.notification.support.Fixtures.invitation;
import static org.assertj.core.api.Assertions.assertThat;

class IcsInviteCalendarTest {
    private static final String SYSTEM = "notifications@schedulr.local";
    private static final Instant NOW = Instant.parse("2025-05-01T08:30:15.123Z");

    @Test
    void aRequestCarriesEverythingRfc5546AsksFor() throws Exception {
        String ics = IcsInviteCalendar.render(invitation(InviteMethod.REQUEST, 2, GUEST), SYSTEM, NOW);
        IcsSamples.write("unit-request", ics);

        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        assertThat(value(calendar, Property.PRODID)).isEqualTo(IcsInviteCalendar.PRODID);
        assertThat(value(calendar, Property.VERSION)).isEqualTo("2.0");
        assertThat(value(calendar, Property.METHOD)).isEqualTo("REQUEST");
        assertThat(calendar.getComponents()).hasSize(1);
        VEvent event = (VEvent) calendar.getComponents().get(0);
        assertThat(value(event, Property.UID)).isEqualTo("room-1@schedulr.test");
        assertThat(value(event, Property.SEQUENCE)).isEqualTo("2");
        assertThat(value(event, Property.DTSTAMP)).isEqualTo("20250501T083015Z");
        assertThat(event.getProperties(Property.DTSTAMP)).hasSize(1);
        assertThat(event.getProperties(Property.ATTENDEE)).hasSize(1);
        assertThat(value(event, Property.DTSTART)).isEqualTo("20250603T120000Z");
        assertThat(value(event, Property.DTEND)).isEqualTo("20250603T130000Z");
        assertThat(value(event, Property.SUMMARY)).isEqualTo("Piano practice");
        assertThat(value(event, Property.DESCRIPTION)).contains("https://meet.example.com/room-1");
        assertThat(value(event, Property.LOCATION)).isEqualTo("https://meet.example.com/room-1");
        assertThat(value(event, Property.URL)).isEqualTo("https://meet.example.com/room-1");
        assertThat(value(event, Property.STATUS)).isEqualTo("CONFIRMED");

        Property organizer = event.getProperty(Property.ORGANIZER).orElseThrow();
        assertThat(organizer.getValue()).isEqualTo("mailto:" + HOST.email());
        assertThat(param(organizer, Parameter.CN)).isEqualTo("Hanna Host");
        assertThat(param(organizer, Parameter.SENT_BY)).isEqualTo("mailto:" + SYSTEM);

        Property attendee = event.getProperty(Property.ATTENDEE).orElseThrow();
        assertThat(attendee.getValue()).isEqualTo("mailto:gustav@example.org");
        assertThat(param(attendee, Parameter.CN)).isEqualTo("Gustav Guest");
        assertThat(param(attendee, Parameter.ROLE)).isEqualTo("REQ-PARTICIPANT");
        assertThat(param(attendee, Parameter.PARTSTAT)).isEqualTo("NEEDS-ACTION");
        assertThat(param(attendee, Parameter.RSVP)).isEqualTo("TRUE");

        calendar.validate();
    }

    @Test
    void aCancelKeepsTheUidAndSaysCancelled() throws Exception {
        String ics = IcsInviteCalendar.render(invitation(InviteMethod.CANCEL, 3, HOST), SYSTEM, NOW);
        IcsSamples.write("unit-cancel", ics);

        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        VEvent event = (VEvent) calendar.getComponents().get(0);
        assertThat(value(calendar, Property.METHOD)).isEqualTo("CANCEL");
        assertThat(value(event, Property.UID)).isEqualTo("room-1@schedulr.test");
        assertThat(value(event, Property.SEQUENCE)).isEqualTo("3");
        assertThat(value(event, Property.STATUS)).isEqualTo("CANCELLED");
        calendar.validate();
    }

    @Test
    void linesEndInCrlfAreFoldedAt75OctetsAndTextIsEscaped() throws Exception {
        Person longName = new Person("someone.with.a.very.long.address.indeed@sub.domain.example.com",
                "Zoë Ångström-Łukasiewicz, PhD; Conductor of the Philharmonic Orchestra", "Asia/Kolkata");
        Meeting m = new Meeting("room-9", "room-9@schedulr.test", 0, START, END,
                "Duets; scales, arpeggios \\ and a very long title that will certainly need folding across lines", null,
                longName, GUEST);
        String ics = IcsInviteCalendar.render(new Invitation("e", InviteMethod.REQUEST, m, GUEST), SYSTEM, NOW);
        IcsSamples.write("unit-folding", ics);

        assertThat(ics).endsWith("\r\n");
        assertThat(ics.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
        for (String line : ics.split("\r\n")) {
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).as("octets of line %s", line).isLessThanOrEqualTo(75);
        }
        assertThat(Arrays.stream(ics.split("\r\n")).filter(l -> l.startsWith(" ")).count()).isPositive();
        assertThat(ics.replace("\r\n ", "")).contains("SUMMARY:Duets\\; scales\\, arpeggios \\\\ and a very long title");

        Calendar parsed = new CalendarBuilder().build(new StringReader(ics));
        VEvent event = (VEvent) parsed.getComponents().get(0);
        assertThat(value(event, Property.SUMMARY)).startsWith("Duets; scales, arpeggios \\ and");
        assertThat(param(event.getProperty(Property.ORGANIZER).orElseThrow(), Parameter.CN))
                .isEqualTo("Zoë Ångström-Łukasiewicz, PhD; Conductor of the Philharmonic Orchestra");
    }

    @Test
    void noSentByWhenTheHostIsTheSender() {
        String ics = IcsInviteCalendar.render(invitation(InviteMethod.REQUEST, 0, GUEST), HOST.email(), NOW);
        assertThat(ics.replace("\r\n ", "")).doesNotContain("SENT-BY");
    }

    private static String value(Calendar c, String name) {
        return c.getProperty(name).map(Property::getValue).orElse(null);
    }

    private static String value(VEvent e, String name) {
        return e.getProperty(name).map(Property::getValue).orElse(null);
    }

    private static String param(Property p, String name) {
        return p.getParameter(name).map(Parameter::getValue).orElse(null);
    }
}
