package io.schedulr.scheduling.interview;

import io.quarkus.test.junit.QuarkusTest;
import io.schedulr.events.CloudEvent;
import io.schedulr.events.EventCodec;
import io.schedulr.events.InterviewEvent;
import io.schedulr.events.InterviewEventType;
import io.schedulr.events.InterviewPerson;
import io.schedulr.events.Topics;
import io.schedulr.scheduling.api.Db;
import io.schedulr.testsupport.TestUser;
import io.schedulr.testsupport.TopicProbe;
import io.schedulr.testsupport.Tokens;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.schedulr.scheduling.interview.InterviewApi.draft;
import static io.schedulr.scheduling.interview.InterviewApi.get;
import static io.schedulr.scheduling.interview.InterviewApi.send;
import static io.schedulr.scheduling.interview.InterviewApi.step;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

/** The 6-step flow as a wizard drives it, against the real database and broker and the calcom-gateway stand-in. */
@QuarkusTest
class InterviewFlowTest {

    /** Everything one interview needs: a team of two, a startup with two contacts. */
    record Setup(TestUser admin, TestUser ada, TestUser ben, String adaId, String benId, String startupId, String contactId,
                 String otherContactId, String tag) {
        static Setup create() {
            String tag = UUID.randomUUID().toString().substring(0, 8);
            TestUser admin = InterviewApi.admin();
            TestUser ada = Tokens.newUser("Ada " + tag, "Europe/Berlin");
            TestUser ben = Tokens.newUser("Ben " + tag, "America/New_York");
            String adaId = InterviewApi.member(admin, ada, "Partner", null);
            String benId = InterviewApi.member(admin, ben, "Associate", null);
            String startup = InterviewApi.startup(ada, "Acme " + tag);
            String contact = InterviewApi.contact(ada, startup, "Grace " + tag, "grace-" + tag + "@acme.test");
            String other = InterviewApi.contact(ada, startup, "Linus " + tag, "linus-" + tag + "@acme.test");
            return new Setup(admin, ada, ben, adaId, benId, startup, contact, other, tag);
        }

        /** Steps 1–5 done by Ada; returns the draft's id. */
        String readyDraft(String start) {
            String id = draft(ada);
            step(ada, id, "startup", "{\"startupId\":\"" + startupId + "\",\"contactId\":\"" + contactId + "\"}").statusCode(200);
            step(ada, id, "team", "{\"primaryMemberId\":\"" + adaId + "\",\"additionalMemberIds\":[\"" + benId + "\"]}").statusCode(200);
            step(ada, id, "booking-type", "{\"eventTypeId\":1001,\"start\":\"" + start + "\"}").statusCode(200);
            step(ada, id, "guests", "{\"guests\":[{\"name\":\"Olive Observer\",\"email\":\"olive-" + tag + "@partner.test\","
                    + "\"role\":\"Observer\",\"company\":\"Partner VC\"},{\"contactId\":\"" + otherContactId + "\"}]}").statusCode(200);
            step(ada, id, "details", "{\"prepNotes\":\"Read the deck\",\"customQuestions\":[\"Why now?\"],\"timeZone\":\"Europe/Berlin\"}")
                    .statusCode(200);
            return id;
        }
    }

    @Test
    void markdownNotesWhoseLessThanSignsOpenNoTagAreKeptAsWritten() {
        Setup s = Setup.create();
        String id = draft(s.ada());
        step(s.ada(), id, "details", "{\"prepNotes\":\"## Ask\\n> ARR < 1M & R&D\\n- churn <5%\",\"timeZone\":\"Europe/Berlin\"}")
                .statusCode(200).body("prepNotes", equalTo("## Ask\n> ARR < 1M & R&D\n- churn <5%"));
        get(s.ada(), "/api/interviews/" + id).body("prepNotes", equalTo("## Ask\n> ARR < 1M & R&D\n- churn <5%"));
    }

    @Test
    void beforeTheMeetingHasAZoneOfItsOwnTheTimesOnOfferAreInTheZoneTheCallerSet() {
        Setup s = Setup.create();
        String id = draft(s.ada());
        step(s.ada(), id, "startup", "{\"startupId\":\"" + s.startupId() + "\",\"contactId\":\"" + s.contactId() + "\"}").statusCode(200);
        step(s.ada(), id, "team", "{\"primaryMemberId\":\"" + s.adaId() + "\"}").statusCode(200);
        // Ada's token says Europe/Berlin; she set Asia/Tokyo (as the web app does for a Google sign-in, which states none)
        given().header("Authorization", s.ada().bearer()).contentType("application/json").body("{\"timeZone\":\"Asia/Tokyo\"}")
                .put("/api/me/time-zone").then().statusCode(200);
        String day = InterviewApi.hoursAhead(5, 0).substring(0, 10);
        get(s.ada(), "/api/interviews/" + id + "/options/slots?eventTypeId=1001&from=" + day + "T00:00:00Z&to=" + day + "T23:59:00Z")
                .statusCode(200).body("timeZone", equalTo("Asia/Tokyo")).body("slots[0].start", containsString("+09:00"));
    }

    @Test
    void theWholeFlowEndsScheduledWithOneCalcomBookingAndEveryoneInvited() {
        Setup s = Setup.create();
        // the flow starts from the startup's page: the startup is chosen already
        String id = InterviewApi.post(s.ada(), "/api/interviews", "{\"startupId\":\"" + s.startupId() + "\"}").statusCode(201)
                .body("startup.name", equalTo("Acme " + s.tag())).extract().path("id");
        get(s.ada(), "/api/interviews/" + id).statusCode(200).body("status", equalTo("draft")).body("invitationStatus", equalTo("pending"))
                .body("steps.startup.complete", equalTo(false)).body("steps.startup.missing", equalTo(List.of("contact")))
                .body("steps.send.complete", equalTo(false));
        // The startup's page lists it; another startup's does not.
        get(s.ada(), "/api/interviews?startupId=" + s.startupId()).statusCode(200).body("id", equalTo(List.of(id)));
        get(s.ada(), "/api/interviews?startupId=" + InterviewApi.startup(s.ada(), "Elsewhere " + s.tag())).statusCode(200).body("$", hasSize(0));

        step(s.ada(), id, "startup", "{\"startupId\":\"" + s.startupId() + "\",\"contactId\":\"" + s.contactId() + "\"}").statusCode(200)
                .body("steps.startup.complete", equalTo(true)).body("startup.name", equalTo("Acme " + s.tag()))
                .body("contact.email", equalTo("grace-" + s.tag() + "@acme.test"));
        step(s.ada(), id, "team", "{\"primaryMemberId\":\"" + s.adaId() + "\",\"additionalMemberIds\":[\"" + s.benId() + "\"]}")
                .statusCode(200).body("steps.team.complete", equalTo(true)).body("team.primary.id", equalTo(s.adaId()))
                .body("team.additional[0].role", equalTo("Associate"));

        get(s.ada(), "/api/interviews/" + id + "/options/event-types").statusCode(200).body("$", hasSize(2))
                .body("[1].lengthOptions", hasSize(4)).body("[0].hosts[0].calcomUserId", equalTo(101));
        String day = InterviewApi.hoursAhead(5, 0).substring(0, 10);
        get(s.ada(), "/api/interviews/" + id + "/options/slots?eventTypeId=1001&from=" + day + "T00:00:00Z&to=" + day + "T23:59:00Z")
                .statusCode(200).body("slots", hasSize(3)).body("timeZone", equalTo("Europe/Berlin"))
                .body("slots[0].start", org.hamcrest.Matchers.anyOf(containsString("+01:00"), containsString("+02:00"))).body("members[0].slots", hasSize(3));
        // Times as long as one of the type's lengths, before it is chosen.
        java.util.Map<String, String> flexible = get(s.ada(), "/api/interviews/" + id + "/options/slots?eventTypeId=1002&lengthInMinutes=90&from="
                + day + "T00:00:00Z&to=" + day + "T23:59:00Z").statusCode(200).extract().path("slots[0]");
        assertThat(java.time.Duration.between(java.time.OffsetDateTime.parse(flexible.get("start")), java.time.OffsetDateTime.parse(flexible.get("end"))))
                .isEqualTo(java.time.Duration.ofMinutes(90));
        // Ben has a booked session at 09:00 UTC on a later day: asked to fit the team's calendars, step 3 leaves that time out.
        String later = java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(20).toString();
        String bensRoom = io.schedulr.scheduling.api.RoomApi.createRoomAt(s.ben(), java.time.Instant.parse(later + "T09:00:00Z"), null);
        io.schedulr.scheduling.api.RoomApi.book(Tokens.newUser("Booker " + s.tag(), "UTC"), bensRoom).statusCode(200);
        String laterSlots = "/api/interviews/" + id + "/options/slots?eventTypeId=1001&from=" + later + "T00:00:00Z&to=" + later + "T23:59:00Z";
        get(s.ada(), laterSlots).statusCode(200).body("slots", hasSize(3));
        List<String> fitting = get(s.ada(), laterSlots + "&fitsCalendars=true").statusCode(200).body("members[0].slots", hasSize(2))
                .extract().path("slots.start");
        assertThat(fitting).extracting(t -> java.time.OffsetDateTime.parse(t).toInstant())
                .containsExactly(java.time.Instant.parse(later + "T10:00:00Z"), java.time.Instant.parse(later + "T11:00:00Z"));

        String start = day + "T10:00:00Z";
        step(s.ada(), id, "booking-type", "{\"eventTypeId\":1001,\"start\":\"" + start + "\"}").statusCode(200)
                .body("durationMinutes", equalTo(30)).body("customDurationMinutes", nullValue())
                .body("endAt", equalTo(day + "T10:30:00Z")).body("steps.bookingType.complete", equalTo(true));
        step(s.ada(), id, "guests", "{\"guests\":[{\"name\":\"Olive Observer\",\"email\":\"olive-" + s.tag() + "@partner.test\","
                + "\"role\":\"Observer\",\"company\":\"Partner VC\"},{\"contactId\":\"" + s.otherContactId() + "\"}]}").statusCode(200)
                .body("guests", hasSize(2)).body("guests[0].invitationStatus", equalTo("pending"))
                .body("guests[1].name", equalTo("Linus " + s.tag())).body("guests[1].company", equalTo("Acme " + s.tag()))
                .body("summary.guestCount", equalTo(2)).body("summary.participantCount", equalTo(5))
                .body("summary.durationMinutes", equalTo(30));
        step(s.ada(), id, "details", "{\"prepNotes\":\"<p>Read the <b>deck</b></p><script>alert(1)</script><a href=\\\"javascript:x()\\\">x</a>\","
                + "\"customQuestions\":[\"Why now?\",\"Who else?\"],\"timeZone\":\"Europe/Berlin\"}").statusCode(200)
                .body("prepNotes", equalTo("<p>Read the <b>deck</b></p><a rel=\"nofollow noopener noreferrer\">x</a>"))
                .body("customQuestions[1]", equalTo("Who else?")).body("summary.timeZone", equalTo("Europe/Berlin"))
                .body("inMeetingZone.start", startsWith(day + "T1")).body("steps.details.complete", equalTo(true))
                .body("steps.send.complete", equalTo(false));

        try (TopicProbe events = TopicProbe.fromNow(Topics.INTERVIEW_EVENTS)) {
            send(s.ada(), id).statusCode(200).body("status", equalTo("scheduled")).body("calcomBookingUid", notNullValue())
                    .body("meetingUrl", startsWith("https://app.cal.com/video/")).body("meetingProvider", equalTo("cal-video"))
                    .body("guests[0].invitationStatus", equalTo("sent")).body("guests[0].invitationSentAt", notNullValue())
                    .body("steps.send.complete", equalTo(true));
            String uid = get(s.ada(), "/api/interviews/" + id).extract().path("calcomBookingUid");
            // sending again changes nothing and books nothing more
            send(s.ada(), id).statusCode(200).body("calcomBookingUid", equalTo(uid));

            List<ConsumerRecord<String, String>> records = events.await(r -> id.equals(r.key()), 1, Duration.ofSeconds(20));
            CloudEvent<InterviewEvent> event = EventCodec.decodeInterviewEvent(records.get(0).value());
            assertThat(event.type()).isEqualTo(InterviewEventType.INTERVIEW_SCHEDULED.cloudEventType());
            assertThat(event.data().icsUid()).isEqualTo("interview-" + id + "@schedulr");
            assertThat(event.data().sequence()).isZero();
            assertThat(event.data().title()).isEqualTo("Interview: Acme " + s.tag());
            assertThat(event.data().people()).extracting(InterviewPerson::kind).containsExactly(InterviewPerson.Kind.PRIMARY_INTERVIEWER,
                    InterviewPerson.Kind.TEAM_MEMBER, InterviewPerson.Kind.CONTACT, InterviewPerson.Kind.GUEST, InterviewPerson.Kind.GUEST);
            assertThat(event.data().people().get(0).email()).isEqualTo(s.ada().email());
            assertThat(events.collect(r -> id.equals(r.key()), Duration.ofSeconds(1))).as("one event, although sent twice").hasSize(1);
        }
        String booked = InterviewApi.gatewayBookings();
        assertThat(booked.split("\"interviewId\":\"" + id + "\"", -1)).hasSize(2);
        assertThat(booked).contains("\"attendee\":{\"name\":\"Grace " + s.tag() + "\",\"email\":\"grace-" + s.tag() + "@acme.test\","
                + "\"timeZone\":\"Europe/Berlin\"}");
        assertThat(Db.count("SELECT count(*) FROM audit_log WHERE entity_type = 'interview' AND entity_id = ?", id)).isEqualTo(8);
        assertThat(Db.text("SELECT status FROM interview WHERE id = ?::uuid", id)).isEqualTo("scheduled");
        // the team sees it, nobody else does
        get(s.ben(), "/api/interviews/" + id).statusCode(200).body("forViewer.timeZone", equalTo("America/New_York"));
        get(Tokens.newUser("Stranger", "UTC"), "/api/interviews/" + id).statusCode(404).body("code", equalTo("interview_not_found"));
        get(s.ben(), "/api/interviews?status=scheduled").statusCode(200).body("id", org.hamcrest.Matchers.hasItem(id));
        // a zone Ben set is the one he reads the times in, over his token's (Google's tokens state none)
        given().header("Authorization", s.ben().bearer()).contentType("application/json").body("{\"timeZone\":\"Asia/Tokyo\"}")
                .put("/api/me/time-zone").then().statusCode(200);
        get(s.ben(), "/api/interviews/" + id).statusCode(200).body("forViewer.timeZone", equalTo("Asia/Tokyo"))
                .body("inMeetingZone.timeZone", not(equalTo("Asia/Tokyo")));
        get(s.ben(), "/api/interviews?status=scheduled").statusCode(200)
                .body("find { it.id == '" + id + "' }.forViewer.timeZone", equalTo("Asia/Tokyo"));
    }

    @Test
    void eachStepRefusesWhatIsWrongAndKeepsTheRestOfTheDraft() {
        Setup s = Setup.create();
        String id = draft(s.ada());
        step(s.ada(), id, "startup", "{\"startupId\":\"" + s.startupId() + "\",\"contactId\":\"" + s.contactId() + "\"}").statusCode(200);
        String otherStartup = InterviewApi.startup(s.ada(), "Other " + s.tag());
        step(s.ada(), id, "startup", "{\"startupId\":\"" + otherStartup + "\",\"contactId\":\"" + s.contactId() + "\"}").statusCode(400)
                .body("code", equalTo("invalid_contactId"));
        step(s.ada(), id, "startup", "{\"startupId\":\"" + UUID.randomUUID() + "\",\"contactId\":\"" + s.contactId() + "\"}").statusCode(404)
                .body("code", equalTo("startup_not_found"));
        step(s.ada(), id, "startup", "{\"startupId\":\"" + s.startupId() + "\"}").statusCode(400).body("code", equalTo("invalid_contact"));
        step(s.ada(), id, "startup", "{\"startupId\":\"" + s.startupId() + "\",\"newContact\":{\"name\":\"X\",\"email\":\"not-an-address\"}}")
                .statusCode(400).body("code", startsWith("invalid_"));

        step(s.ada(), id, "team", "{\"primaryMemberId\":\"" + UUID.randomUUID() + "\"}").statusCode(404).body("code", equalTo("team_member_not_found"));
        step(s.ada(), id, "team", "{\"primaryMemberId\":\"" + s.adaId() + "\",\"additionalMemberIds\":[\"" + s.adaId() + "\"]}")
                .statusCode(400).body("code", equalTo("invalid_additionalMemberIds"));
        step(s.ada(), id, "team", "{\"additionalMemberIds\":[]}").statusCode(400).body("code", equalTo("invalid_primaryMemberId"));

        step(s.ada(), id, "booking-type", "{\"eventTypeId\":1001,\"start\":\"2020-01-01T10:00:00Z\"}").statusCode(400)
                .body("code", equalTo("invalid_start"));
        String start = InterviewApi.hoursAhead(6, 9);
        step(s.ada(), id, "booking-type", "{\"eventTypeId\":4242,\"start\":\"" + start + "\"}").statusCode(404)
                .body("code", equalTo("event_type_not_found"));
        step(s.ada(), id, "booking-type", "{\"eventTypeId\":1002,\"customDurationMinutes\":50,\"start\":\"" + start + "\"}").statusCode(400)
                .body("code", equalTo("invalid_customDurationMinutes")).body("message", containsString("30, 45, 60, 90"));
        step(s.ada(), id, "booking-type", "{\"customDurationMinutes\":45,\"start\":\"" + start + "\"}").statusCode(422)
                .body("code", equalTo("custom_duration_unavailable"));
        step(s.ada(), id, "booking-type", "{\"eventTypeId\":\"1002\",\"start\":\"" + start + "\"}").statusCode(400);
        step(s.ada(), id, "booking-type", "{\"eventTypeId\":1002,\"customDurationMinutes\":45,\"start\":\"" + start + "\"}").statusCode(200)
                .body("durationMinutes", equalTo(45)).body("customDurationMinutes", equalTo(45));

        step(s.ada(), id, "guests", "{\"guests\":[{\"name\":\"A\",\"email\":\"nope\"}]}").statusCode(400).body("code", equalTo("invalid_guests.email"));
        step(s.ada(), id, "guests", "{\"guests\":[{\"name\":\"A\",\"email\":\"a@x.test\"},{\"name\":\"B\",\"email\":\"A@X.test\"}]}")
                .statusCode(400).body("code", equalTo("duplicate_guest"));
        step(s.ada(), id, "guests", "{\"guests\":[{\"contactId\":\"" + s.contactId() + "\"}]}").statusCode(400)
                .body("code", equalTo("duplicate_guest")).body("message", containsString("the startup's contact"));
        step(s.ada(), id, "guests", "{}").statusCode(400).body("code", equalTo("invalid_guests"));
        step(s.ada(), id, "details", "{\"timeZone\":\"Mars/Olympus\"}").statusCode(400).body("code", equalTo("invalid_timeZone"));
        step(s.ada(), id, "details", "{\"customQuestions\":[\"  \"],\"timeZone\":\"UTC\"}").statusCode(400)
                .body("code", equalTo("invalid_customQuestions"));

        send(s.ada(), id).statusCode(422).body("code", equalTo("interview_incomplete"))
                .body("message", containsString("team: primaryMemberId")).body("message", containsString("guests"))
                .body("message", not(containsString("startup:")));
        get(s.ada(), "/api/interviews/" + id).statusCode(200).body("status", equalTo("draft")).body("contact.id", equalTo(s.contactId()))
                .body("steps.startup.complete", equalTo(true)).body("steps.team.complete", equalTo(false))
                .body("steps.bookingType.complete", equalTo(true)).body("eventTypeId", equalTo(1002));
        assertThat(InterviewApi.gatewayBookings()).doesNotContain(id);

        // a guest chosen first cannot then become the contact or join the team: they would be invited twice over
        step(s.ada(), id, "guests", "{\"guests\":[{\"name\":\"Olive\",\"email\":\"olive@partner.test\"},{\"name\":\"Ada\",\"email\":\""
                + s.ada().email().toUpperCase(java.util.Locale.ROOT) + "\"}]}").statusCode(200);
        step(s.ada(), id, "startup", "{\"startupId\":\"" + s.startupId() + "\",\"newContact\":{\"name\":\"Olive\",\"email\":\"Olive@partner.test\"}}")
                .statusCode(400).body("code", equalTo("duplicate_guest")).body("message", containsString("contact"));
        step(s.ada(), id, "team", "{\"primaryMemberId\":\"" + s.adaId() + "\"}").statusCode(400)
                .body("code", equalTo("duplicate_guest")).body("message", containsString("team"));
        get(s.ada(), "/api/interviews/" + id).statusCode(200).body("contact.id", equalTo(s.contactId()));
    }

    @Test
    void aNewContactTypedInlineIsAddedToTheStartupOnce() {
        Setup s = Setup.create();
        String id = draft(s.ada());
        String body = "{\"startupId\":\"" + s.startupId() + "\",\"newContact\":{\"name\":\"Nia " + s.tag() + "\",\"email\":\"nia-" + s.tag()
                + "@acme.test\",\"role\":\"CTO\"}}";
        String contact = step(s.ada(), id, "startup", body).statusCode(200).body("contact.role", equalTo("CTO")).extract().path("contact.id");
        step(s.ada(), draft(s.ada()), "startup", body.replace("nia-", "NIA-")).statusCode(200).body("contact.id", equalTo(contact));
        get(s.ada(), "/api/startups/" + s.startupId() + "/contacts").statusCode(200).body("$", hasSize(3));
    }

    @Test
    void onlyTheCreatorThePrimaryAndAdminsChangeADraftAndOnlyTheTeamSeesIt() {
        Setup s = Setup.create();
        String id = s.readyDraft(InterviewApi.hoursAhead(7, 9));
        TestUser stranger = Tokens.newUser("Stranger " + s.tag(), "UTC");
        step(stranger, id, "details", "{\"timeZone\":\"UTC\"}").statusCode(404);
        send(stranger, id).statusCode(404);
        get(s.ben(), "/api/interviews/" + id).statusCode(200);
        step(s.ben(), id, "details", "{\"timeZone\":\"UTC\"}").statusCode(403).body("code", equalTo("not_interview_editor"));
        send(s.ben(), id).statusCode(403);
        step(s.admin(), id, "details", "{\"timeZone\":\"Asia/Tokyo\"}").statusCode(200).body("timeZone", equalTo("Asia/Tokyo"));
        get(stranger, "/api/interviews").statusCode(200).body("id", not(org.hamcrest.Matchers.hasItem(id)));
        get(s.admin(), "/api/interviews?status=draft&limit=100").statusCode(200).body("id", org.hamcrest.Matchers.hasItem(id));
        get(s.ada(), "/api/interviews?status=maybe").statusCode(400).body("code", equalTo("invalid_status"));
        get(s.ada(), "/api/interviews/not-a-uuid").statusCode(400).body("code", equalTo("invalid_interview_id"));
    }

    @Test
    void aRefusedBookingLeavesTheDraftToSendAgainAndAnUnknownOutcomeHoldsIt() {
        Setup s = Setup.create();
        String refused = s.readyDraft(InterviewApi.hoursAhead(8, 9));
        InterviewApi.scriptGateway("422");
        send(s.ada(), refused).statusCode(422).body("code", equalTo("calcom_rejected"));
        get(s.ada(), "/api/interviews/" + refused).body("status", equalTo("draft")).body("guests[0].invitationStatus", equalTo("pending"));
        send(s.ada(), refused).statusCode(200).body("status", equalTo("scheduled"));

        String unknown = s.readyDraft(InterviewApi.hoursAhead(8, 10));
        InterviewApi.scriptGateway("503");
        send(s.ada(), unknown).statusCode(503).body("code", equalTo("calcom_unavailable"));
        // the booking may exist at Cal.com: a second send now could book twice, so it waits for Cal.com's word
        send(s.ada(), unknown).statusCode(409).body("code", equalTo("interview_being_sent"));
        get(s.ada(), "/api/interviews/" + unknown).body("status", equalTo("draft"));
        InterviewApi.scriptGateway("");
    }
}
