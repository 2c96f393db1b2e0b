package io.schedulr.calcom.adapter.in.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.schedulr.calcom.domain.webhook.BookingChange;
import io.schedulr.calcom.domain.webhook.ChangeKind;
import io.schedulr.calcom.domain.webhook.Person;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Cal.com's documented webhook payloads, every field, with the time spellings Cal.com mixes. */
class CalcomWebhookReaderTest {
    private final CalcomWebhookReader reader = new CalcomWebhookReader(new ObjectMapper());

    /** As in Cal.com's webhook documentation (BOOKING_CREATED), all fields, {@code …Z} times. */
    static final String CREATED = """
            {"triggerEvent":"BOOKING_CREATED","createdAt":"2030-09-01T08:00:00.123Z","payload":{
              "type":"interview-30","title":"Interview between Ada Host and Grace Candidate","description":"","additionalNotes":"Looking forward",
              "customInputs":{},"startTime":"2030-09-05T09:00:00Z","endTime":"2030-09-05T09:30:00Z",
              "organizer":{"id":5,"name":"Ada Host","email":"ada.host@schedulr.test","username":"ada-host","timeZone":"Europe/Berlin",
                           "language":{"locale":"en"},"timeFormat":"h:mma","utcOffset":120},
              "responses":{"name":{"label":"your_name","value":"Grace Candidate"},"email":{"label":"email_address","value":"grace@candidate.test"},
                           "location":{"label":"location","value":{"optionValue":"","value":"integrations:daily"}},
                           "notes":{"label":"additional_notes","value":"Looking forward"},"guests":{"label":"additional_guests","value":["observer@partner.test"]}},
              "userFieldsResponses":{},
              "attendees":[{"email":"grace@candidate.test","name":"Grace Candidate","firstName":"","lastName":"","timeZone":"America/New_York",
                            "language":{"locale":"en"},"utcOffset":-240},
                           {"email":"observer@partner.test","name":"","firstName":"","lastName":"","timeZone":"America/New_York",
                            "language":{"locale":"en"},"utcOffset":-240}],
              "location":"integrations:daily","destinationCalendar":{"id":1,"integration":"google_calendar","externalId":"ada@group.calendar.google.com",
                            "primaryEmail":null,"userId":5,"eventTypeId":null,"credentialId":3},
              "hideCalendarNotes":false,"requiresConfirmation":false,"eventTypeId":7,"seatsShowAttendees":true,"seatsPerTimeSlot":null,
              "seatsShowAvailabilityCount":true,"schedulingType":"COLLECTIVE",
              "team":{"name":"Schedulr Interviews","members":[{"id":6,"name":"Ben Panel","email":"ben.panel@schedulr.test","timeZone":"Europe/Berlin",
                      "language":{"locale":"en"},"utcOffset":120}],"id":1},
              "iCalUID":"b5EXXsKfEjExXQzLpDKrZN@Cal.com","iCalSequence":0,"uid":"b5EXXsKfEjExXQzLpDKrZN","conferenceData":null,
              "videoCallData":{"type":"daily_video","id":"abc","password":"x","url":"https://meetco.daily.co/abc"},
              "appsStatus":[{"appName":"Cal Video","type":"daily_video","success":1,"failures":0,"errors":[],"warnings":[]}],
              "eventTitle":"Interview (30 min)","eventDescription":null,"price":0,"currency":"usd","length":30,"bookingId":91,
              "metadata":{"videoCallUrl":"https://app.cal.com/video/b5EXXsKfEjExXQzLpDKrZN","interviewId":"iv-42","round":2},
              "status":"ACCEPTED"}}
            """;

    /** BOOKING_RESCHEDULED with milliseconds and {@code +00:00} mixed in. */
    static final String RESCHEDULED = """
            {"triggerEvent":"BOOKING_RESCHEDULED","createdAt":"2030-09-02T08:00:00.000Z","payload":{
              "type":"interview-30","title":"Interview","startTime":"2030-09-06T11:00:00.000+02:00","endTime":"2030-09-06T09:30:00+00:00",
              "organizer":{"id":5,"name":"Ada Host","email":"ada.host@schedulr.test","timeZone":"Europe/Berlin"},
              "attendees":[{"email":"grace@candidate.test","name":"Grace Candidate","timeZone":"America/New_York"}],
              "iCalUID":"b5EXXsKfEjExXQzLpDKrZN@Cal.com","iCalSequence":1,"uid":"n3wUid","bookingId":92,"eventTypeId":7,
              "rescheduleId":91,"rescheduleUid":"b5EXXsKfEjExXQzLpDKrZN","rescheduleStartTime":"2030-09-05T09:00:00Z",
              "rescheduleEndTime":"2030-09-05T09:30:00Z","rescheduledBy":"grace@candidate.test","metadata":{},"status":"ACCEPTED"}}
            """;

    /** BOOKING_CANCELLED after a host's "request reschedule": {@code +00:00} times. */
    static final String REQUEST_RESCHEDULE = """
            {"triggerEvent":"BOOKING_CANCELLED","createdAt":"2030-09-03T08:00:00.000Z","payload":{
              "title":"Interview","startTime":"2030-09-06T09:00:00+00:00","endTime":"2030-09-06T09:30:00+00:00",
              "organizer":{"name":"Ada Host","email":"ada.host@schedulr.test","timeZone":"Europe/Berlin"},"attendees":[],
              "iCalUID":"b5EXXsKfEjExXQzLpDKrZN@Cal.com","iCalSequence":1,"uid":"n3wUid","cancellationReason":"Panel changed",
              "cancelledBy":"ada.host@schedulr.test","requestReschedule":true,"status":"CANCELLED"}}
            """;

    /** BOOKING_REJECTED: the host declined a booking of an event type that needs confirmation. */
    static final String REJECTED = """
            {"triggerEvent":"BOOKING_REJECTED","createdAt":"2030-09-01T09:00:00.000Z","payload":{
              "type":"interview-30","title":"Interview","startTime":"2030-09-05T09:00:00Z","endTime":"2030-09-05T09:30:00Z",
              "organizer":{"name":"Ada Host","email":"ada.host@schedulr.test","timeZone":"Europe/Berlin"},
              "attendees":[{"email":"grace@candidate.test","name":"Grace Candidate","timeZone":"America/New_York"}],
              "requiresConfirmation":true,"iCalUID":"pEnd1ng@Cal.com","iCalSequence":0,"uid":"pEnd1ng","bookingId":93,"eventTypeId":8,
              "rejectionReason":"The panel is full that week","metadata":{"interviewId":"iv-43"},"status":"REJECTED"}}
            """;

    private CalcomWebhookReader.Message read(String json) {
        return reader.read(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theDocumentedCreatedPayloadIsReadWithEveryFieldWeUse() {
        BookingChange c = ((CalcomWebhookReader.Booking) read(CREATED)).change();

        assertThat(c.kind()).isEqualTo(ChangeKind.CREATED);
        assertThat(c.icalUid()).isEqualTo("b5EXXsKfEjExXQzLpDKrZN@Cal.com");
        assertThat(c.uid()).isEqualTo("b5EXXsKfEjExXQzLpDKrZN");
        assertThat(c.sequence()).isZero();
        assertThat(c.start()).isEqualTo(Instant.parse("2030-09-05T09:00:00Z"));
        assertThat(c.end()).isEqualTo(Instant.parse("2030-09-05T09:30:00Z"));
        assertThat(c.emittedAt()).isEqualTo(Instant.parse("2030-09-01T08:00:00.123Z"));
        assertThat(c.status()).isEqualTo("accepted");
        assertThat(c.bookingId()).isEqualTo(91L);
        assertThat(c.eventTypeId()).isEqualTo(7L);
        assertThat(c.organizer()).isEqualTo(new Person("Ada Host", "ada.host@schedulr.test", "Europe/Berlin"));
        assertThat(c.attendees()).extracting(Person::email).containsExactly("grace@candidate.test", "observer@partner.test");
        assertThat(c.meetingUrl()).isEqualTo("https://app.cal.com/video/b5EXXsKfEjExXQzLpDKrZN");
        assertThat(c.metadata()).containsEntry("interviewId", "iv-42").containsEntry("round", "2");
        assertThat(c.location()).isEqualTo("integrations:daily");
        assertThat(c.dedupKey()).isEqualTo("BOOKING_CREATED:b5EXXsKfEjExXQzLpDKrZN:0");
    }

    @Test
    void mixedTimeSpellingsAreReadAsTheSameInstants() {
        BookingChange c = ((CalcomWebhookReader.Booking) read(RESCHEDULED)).change();

        assertThat(c.start()).isEqualTo(Instant.parse("2030-09-06T09:00:00Z"));
        assertThat(c.end()).isEqualTo(Instant.parse("2030-09-06T09:30:00Z"));
        assertThat(c.previousUid()).isEqualTo("b5EXXsKfEjExXQzLpDKrZN");
        assertThat(c.previousStart()).isEqualTo(Instant.parse("2030-09-05T09:00:00Z"));
        assertThat(c.rescheduledBy()).isEqualTo("grace@candidate.test");
        assertThat(c.sequence()).isEqualTo(1);
    }

    @Test
    void aRequestRescheduleCancellationIsFlagged() {
        BookingChange c = ((CalcomWebhookReader.Booking) read(REQUEST_RESCHEDULE)).change();

        assertThat(c.kind()).isEqualTo(ChangeKind.CANCELLED);
        assertThat(c.requestReschedule()).isTrue();
        assertThat(c.cancellationReason()).isEqualTo("Panel changed");
        assertThat(c.start()).isEqualTo(Instant.parse("2030-09-06T09:00:00Z"));
    }

    @Test
    void aBookingItsHostDeclinedIsTheMeetingCancelledWithTheirReason() {
        BookingChange c = ((CalcomWebhookReader.Booking) read(REJECTED)).change();

        assertThat(c.kind()).isEqualTo(ChangeKind.CANCELLED);
        assertThat(c.status()).isEqualTo("rejected");
        assertThat(c.cancellationReason()).isEqualTo("The panel is full that week");
        assertThat(c.requestReschedule()).isFalse();
        assertThat(c.sequence()).isZero();
        assertThat(c.dedupKey()).as("the same change a look-up finds for a declined booking").isEqualTo("BOOKING_CANCELLED:pEnd1ng:0");
        assertThat(((CalcomWebhookReader.Booking) read(REJECTED.replace(",\"status\":\"REJECTED\"", ""))).change().status())
                .isEqualTo("rejected");
    }

    @Test
    void pingAndUntranslatedTriggersAreAcknowledged() {
        assertThat(read("{\"triggerEvent\":\"PING\",\"createdAt\":\"2026-01-01T00:00:00.000Z\",\"payload\":{}}"))
                .isInstanceOf(CalcomWebhookReader.Ping.class);
        assertThat(read("{\"triggerEvent\":\"MEETING_ENDED\",\"payload\":{}}")).isEqualTo(new CalcomWebhookReader.NotTranslated("MEETING_ENDED"));
    }

    @Test
    void aBookingThatWaitsForItsHostIsReadAsRequested() {
        BookingChange c = ((CalcomWebhookReader.Booking) read(REJECTED.replace("BOOKING_REJECTED", "BOOKING_REQUESTED")
                .replace("\"status\":\"REJECTED\"", "\"status\":\"PENDING\"").replace("\"rejectionReason\":\"The panel is full that week\",", "")))
                .change();

        assertThat(c.kind()).isEqualTo(ChangeKind.REQUESTED);
        assertThat(c.status()).isEqualTo("pending");
        assertThat(c.cancellationReason()).isNull();
        assertThat(c.metadata()).containsEntry("interviewId", "iv-43");
        assertThat(c.dedupKey()).isEqualTo("BOOKING_REQUESTED:pEnd1ng:0");
        assertThatThrownBy(() -> read("{\"triggerEvent\":\"BOOKING_REQUESTED\",\"payload\":{}}")).hasMessageContaining("startTime");
    }

    @Test
    void unreadableDeliveriesNameTheReason() {
        assertThatThrownBy(() -> read("")).hasMessageContaining("empty");
        assertThatThrownBy(() -> read("{not json")).hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> read("[1]")).hasMessageContaining("not a JSON object");
        assertThatThrownBy(() -> read("{\"payload\":{}}")).hasMessageContaining("triggerEvent");
        assertThatThrownBy(() -> read("{\"triggerEvent\":\"BOOKING_EXPLODED\",\"payload\":{}}")).hasMessageContaining("Unknown triggerEvent");
        assertThatThrownBy(() -> read("{\"triggerEvent\":\"BOOKING_CREATED\"}")).hasMessageContaining("payload");
        assertThatThrownBy(() -> read(CREATED.replace("\"iCalUID\":\"b5EXXsKfEjExXQzLpDKrZN@Cal.com\",", ""))).hasMessageContaining("iCalUID");
        assertThatThrownBy(() -> read(CREATED.replace("2030-09-05T09:00:00Z", "2030-09-05 09:00"))).hasMessageContaining("startTime");
        assertThatThrownBy(() -> read(CREATED.replace("2030-09-05T09:00:00Z", "2030-09-05T09:00:00"))).hasMessageContaining("offset");
        assertThatThrownBy(() -> read(CREATED.replace("2030-09-05T09:30:00Z", "+999999999-12-31T23:59:59Z")))
                .hasMessageContaining("endTime").hasMessageContaining("1970 to 9999");
        assertThatThrownBy(() -> read(CREATED.replace("2030-09-05T09:00:00Z", "1969-12-31T23:59:59Z"))).hasMessageContaining("startTime");
        assertThatThrownBy(() -> read(RESCHEDULED.replace("\"rescheduleUid\":\"b5EXXsKfEjExXQzLpDKrZN\",", ""))).hasMessageContaining("rescheduleUid");
        assertThatThrownBy(() -> read(CREATED.replace("\"uid\":\"b5EXXsKfEjExXQzLpDKrZN\"", "\"uid\":\"b5EX\\u0000\""))).hasMessageContaining("uid holds a control");
        assertThatThrownBy(() -> read(CREATED.replace("b5EXXsKfEjExXQzLpDKrZN@Cal.com", "b5EX\\n@Cal.com"))).hasMessageContaining("iCalUID holds a control");
        assertThatThrownBy(() -> read(RESCHEDULED.replace("\"rescheduleUid\":\"b5EXXsKfEjExXQzLpDKrZN\"", "\"rescheduleUid\":\"b5\\u0000\"")))
                .hasMessageContaining("rescheduleUid holds a control");
    }
}
