package io.schedulr.events;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InterviewEventCodecTest {
    private static final Instant AT = Instant.parse("2030-09-05T08:00:00Z");
    private static final InterviewPerson ADA = new InterviewPerson("u1", "Ada", "ada@schedulr.test", "Partner", null, "Europe/Berlin",
            InterviewPerson.Kind.PRIMARY_INTERVIEWER);
    private static final InterviewPerson GRACE = new InterviewPerson(null, "Grace", "grace@acme.test", "CEO", "Acme", "America/New_York",
            InterviewPerson.Kind.CONTACT);

    private static InterviewEvent interview(List<InterviewPerson> people, Instant end) {
        return new InterviewEvent("iv-1", "interview-iv-1@schedulr", 0, "scheduled", "Interview: Acme", "Acme", AT, end,
                "Europe/Berlin", null, null, "bk-1", people, null, false);
    }

    @Test
    void roundTripsAnInterviewEvent() {
        CloudEvent<InterviewEvent> event = CloudEvent.of("e1", "/scheduling-service", InterviewEventType.INTERVIEW_SCHEDULED.cloudEventType(),
                AT, "iv-1", interview(List.of(ADA, GRACE), AT.plusSeconds(1800)));

        CloudEvent<InterviewEvent> decoded = EventCodec.decodeInterviewEvent(EventCodec.encode(event));

        assertThat(decoded).isEqualTo(event);
        assertThat(decoded.data().organizer()).isEqualTo(ADA);
        assertThat(GRACE.isTeam()).isFalse();
    }

    @Test
    void aTentativeInterviewSaysSoAndAnEventFromBeforeTheFieldIsNotTentative() {
        InterviewEvent pending = new InterviewEvent("iv-1", "interview-iv-1@schedulr", 0, "scheduled", "Interview: Acme", "Acme", AT,
                AT.plusSeconds(1800), "Europe/Berlin", null, null, "bk-1", List.of(ADA), null, true);
        String json = EventCodec.encode(CloudEvent.of("e5", "/scheduling-service", InterviewEventType.INTERVIEW_SCHEDULED.cloudEventType(),
                AT, "iv-1", pending));
        assertThat(json).contains("\"tentative\":true");
        assertThat(EventCodec.decodeInterviewEvent(json).data().tentative()).isTrue();
        assertThat(EventCodec.decodeInterviewEvent(json.replace(",\"tentative\":true", "")).data().tentative()).isFalse();
    }

    @Test
    void refusesAnEventWithoutInterviewerTimesOrKnownType() {
        String noPrimary = EventCodec.encode(CloudEvent.of("e2", "/x", InterviewEventType.INTERVIEW_CANCELLED.cloudEventType(), AT, "iv-1",
                interview(List.of(GRACE), AT.plusSeconds(60))));
        assertThatThrownBy(() -> EventCodec.decodeInterviewEvent(noPrimary)).hasMessageContaining("no primary interviewer");
        String backwards = EventCodec.encode(CloudEvent.of("e3", "/x", InterviewEventType.INTERVIEW_CANCELLED.cloudEventType(), AT, "iv-1",
                interview(List.of(ADA), AT.minusSeconds(60))));
        assertThatThrownBy(() -> EventCodec.decodeInterviewEvent(backwards)).hasMessageContaining("start and end");
        String unknown = EventCodec.encode(CloudEvent.of("e4", "/x", "io.schedulr.interview.exploded.v1", AT, "iv-1",
                interview(List.of(ADA), AT.plusSeconds(60))));
        assertThatThrownBy(() -> EventCodec.decodeInterviewEvent(unknown)).hasMessageContaining("unknown event type");
        assertThat(InterviewEventType.INTERVIEW_RESCHEDULE_REQUESTED.cancelsTheMeeting()).isTrue();
        assertThat(InterviewEventType.INTERVIEW_CONFIRMED.cancelsTheMeeting()).isFalse();
    }
}
