package io.schedulr.scheduling.adapter.in.rest.interview;

import io.schedulr.scheduling.application.port.in.interview.InterviewDetails;
import io.schedulr.scheduling.domain.interview.Actor;
import io.schedulr.scheduling.domain.interview.Contact;
import io.schedulr.scheduling.domain.interview.Guest;
import io.schedulr.scheduling.domain.interview.Interview;
import io.schedulr.scheduling.domain.interview.InterviewStep;
import io.schedulr.scheduling.domain.interview.TeamMember;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An interview as its viewers see it. Times are UTC ({@code startAt}, {@code endAt}), and also written in the meeting's
 * zone and in the viewer's own ({@code start}/{@code end} of {@code inMeetingZone} and {@code forViewer}).
 */
@Schema(description = "An interview as its viewer sees it; startAt and endAt are UTC, inMeetingZone and forViewer the same times in "
        + "the meeting's and the viewer's zones.")
public record InterviewResponse(UUID id,
                                @Schema(enumeration = {"draft", "scheduled", "confirmed", "cancelled"}, example = "draft")
                                String status, String invitationStatus, String origin, boolean awaitingNewTime,
                                @Schema(description = "Cal.com booked it as pending: its event type needs a host to confirm it on "
                                        + "Cal.com. False once Cal.com confirms it (status confirmed) or the host declines it (cancelled).")
                                boolean awaitingHostConfirmation,
                                Map<String, Step> steps, StartupRef startup, Person contact, Team team, Long eventTypeId,
                                Integer customDurationMinutes, Integer durationMinutes, Instant startAt, Instant endAt, String timeZone,
                                Times inMeetingZone, Times forViewer, String prepNotes, List<String> customQuestions, List<GuestJson> guests,
                                Summary summary, String title, String calcomBookingUid, String meetingUrl, String meetingProvider,
                                int sequence, String cancellationReason, Instant sentAt, Person calcomHost, Instant createdAt,
                                Instant updatedAt,
                                @Schema(description = "Whether the caller may cancel or reschedule it now: it is sent, not cancelled "
                                        + "and not over, and they sent it (the Cal.com booking is theirs) or are an admin.")
                                boolean changeable,
                                @Schema(description = "Its booked time has ended (and its host did not ask for another): it can no "
                                        + "longer be moved or cancelled.")
                                boolean over,
                                @Schema(description = "Left out when there is nothing: calendar_unavailable means the sender's Google "
                                        + "calendar could not be checked for clashes.", example = "[\"calendar_unavailable\"]")
                                @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_EMPTY)
                                List<String> warnings) {

    public record Step(boolean complete, List<String> missing) {
    }

    public record StartupRef(UUID id, String name, String website) {
    }

    public record Person(UUID id, String name, String email, String role) {
    }

    public record Team(Person primary, List<Person> additional) {
    }

    public record Times(String timeZone, OffsetDateTime start, OffsetDateTime end) {
    }

    public record GuestJson(String name, String email, String role, String company, UUID contactId, String invitationStatus,
                            Instant invitationSentAt) {
    }

    /** What steps 4 and 5 answer: how many people, for how long, in which zone. */
    public record Summary(int guestCount, int participantCount, Integer durationMinutes, String timeZone) {
    }

    public static InterviewResponse of(InterviewDetails d, Actor viewer, String viewerZone, Instant now) {
        Interview i = d.interview();
        Map<String, Step> steps = new LinkedHashMap<>();
        i.missing().forEach((step, missing) -> steps.put(stepName(step), new Step(missing.isEmpty(), missing)));
        Contact c = d.contact();
        List<GuestJson> guests = i.guests().stream().map(InterviewResponse::guest).toList();
        int team = (d.primary() == null ? 0 : 1) + d.additional().size();
        int participants = team + (c == null ? 0 : 1) + (int) i.guests().stream().filter(g -> c == null || !g.email().equalsIgnoreCase(c.email())).count();
        return new InterviewResponse(i.id(), lower(i.status().name()), lower(i.status().invitationState().name()), lower(i.origin().name()),
                i.awaitingNewTime(), i.awaitsHostConfirmation(), steps,
                d.startup() == null ? null : new StartupRef(d.startup().id(), d.startup().name(), d.startup().website()),
                c == null ? null : new Person(c.id(), c.name(), c.email(), c.role()),
                new Team(member(d.primary()), d.additional().stream().map(InterviewResponse::member).toList()),
                i.eventTypeId(), i.customDuration() ? i.durationMinutes() : null, i.durationMinutes(), i.startAt(), i.endAt(), i.timeZone(),
                times(i, i.timeZone()), times(i, viewerZone), i.prepNotes(), i.customQuestions(), guests,
                new Summary(i.guests().size(), participants, i.durationMinutes(), i.timeZone()), i.title(), i.calcomBookingUid(),
                i.meetingUrl(), i.meetingProvider(), i.sequence(), i.cancellationReason(), i.sentAt(),
                i.calcomHost() == null ? null : new Person(null, i.calcomHost().name(), i.calcomHost().email(), null),
                i.createdAt(), i.updatedAt(), i.changeableBy(viewer, now), i.isOver(now), d.warnings());
    }

    static String stepName(InterviewStep step) {
        return switch (step) {
            case STARTUP -> "startup";
            case TEAM -> "team";
            case BOOKING_TYPE -> "bookingType";
            case GUESTS -> "guests";
            case DETAILS -> "details";
            case SEND -> "send";
        };
    }

    private static GuestJson guest(Guest g) {
        return new GuestJson(g.name(), g.email(), g.role(), g.company(), g.contactId(), lower(g.invitation().name()), g.sentAt());
    }

    private static Person member(TeamMember m) {
        return m == null ? null : new Person(m.id(), m.name(), m.email(), m.role());
    }

    private static Times times(Interview i, String zone) {
        if (i.startAt() == null || zone == null) {
            return null;
        }
        ZoneId z;
        try {
            z = ZoneId.of(zone);
        } catch (DateTimeException e) {
            z = ZoneId.of("UTC");
        }
        return new Times(z.getId(), i.startAt().atZone(z).toOffsetDateTime(), i.endAt() == null ? null : i.endAt().atZone(z).toOffsetDateTime());
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
