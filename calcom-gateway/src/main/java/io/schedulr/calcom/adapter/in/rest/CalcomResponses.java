package io.schedulr.calcom.adapter.in.rest;

import io.schedulr.calcom.domain.booking.Availability;
import io.schedulr.calcom.domain.booking.Booking;
import io.schedulr.calcom.domain.booking.EventType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** Answers of the Cal.com routes, as docs/calcom-gateway-api.md gives them. */
public final class CalcomResponses {
    private CalcomResponses() {
    }

    @Schema(name = "EventType", description = "A Cal.com event type an interview can be booked as.")
    public record EventTypeJson(
            @Schema(examples = "1001") long id,
            @Schema(examples = "Interview (30 min)") String title,
            @Schema(examples = "interview-30") String slug,
            @Schema(examples = "A first conversation with the partners.") String description,
            @Schema(description = "The default duration.", examples = "30") int lengthInMinutes,
            @Schema(description = "The durations a booking may choose (lengthInMinutes when booking).", examples = "[30, 45, 60]")
            List<Integer> lengthOptions,
            @Schema(description = "The team the type belongs to; null for a personal type.", nullable = true, examples = "11") Long teamId,
            @Schema(description = "Cal.com's scheduling type; null for a personal type.", nullable = true, examples = "collective")
            String schedulingType,
            List<HostJson> hosts,
            @Schema(description = "Cal.com's public booking page of the type.", examples = "https://cal.com/team/acme/interview-30")
            String bookingUrl) {
        static EventTypeJson of(EventType t) {
            return new EventTypeJson(t.id(), t.title(), t.slug(), t.description(), t.lengthInMinutes(), t.lengthOptions(), t.teamId(),
                    t.schedulingType(), t.hosts().stream().map(HostJson::of).toList(), t.bookingUrl());
        }
    }

    @Schema(name = "CalcomHost", description = "A Cal.com user who hosts an event type.")
    public record HostJson(@Schema(examples = "101") long userId, @Schema(examples = "Ada Host") String name,
                           @Schema(examples = "ada-host") String username) {
        static HostJson of(EventType.Host h) {
            return new HostJson(h.userId(), h.name(), h.username());
        }
    }

    @Schema(name = "Slot", description = "A free slot, written in the asked zone.")
    public record SlotJson(@Schema(examples = "2031-03-03T10:00:00+01:00") OffsetDateTime start,
                           @Schema(examples = "2031-03-03T10:30:00+01:00") OffsetDateTime end) {
    }

    @Schema(name = "MemberSlots", description = "The slots one hosting member is free.")
    public record MemberJson(HostJson member, List<SlotJson> slots) {
    }

    @Schema(name = "Availability", description = "Free slots of an event type in the asked window.")
    public record AvailabilityJson(
            @Schema(examples = "1001") long eventTypeId,
            @Schema(description = "The zone the slots are written in.", examples = "Europe/Berlin") String timeZone,
            @Schema(nullable = true, examples = "collective") String schedulingType,
            @Schema(description = "True for a collective type: a slot is free only when every host is.", examples = "true")
            boolean everyHostAttends,
            List<SlotJson> slots,
            List<MemberJson> members) {
        static AvailabilityJson of(Availability a) {
            return new AvailabilityJson(a.eventTypeId(), a.timeZone(), a.schedulingType(), a.everyHostAttends(),
                    a.slots().stream().map(s -> new SlotJson(s.start(), s.end())).toList(),
                    a.members().stream().map(m -> new MemberJson(HostJson.of(m.member()),
                            m.slots().stream().map(s -> new SlotJson(s.start(), s.end())).toList())).toList());
        }
    }

    @Schema(name = "BookingPerson", description = "A host or attendee of a booking.")
    public record PersonJson(@Schema(examples = "Grace Candidate") String name, @Schema(examples = "grace@example.com") String email,
                             @Schema(examples = "America/New_York") String timeZone) {
    }

    @Schema(name = "Booking", description = "A Cal.com booking, in our names.")
    public record BookingJson(
            @Schema(description = "Cal.com's booking uid.", examples = "8bYkhFgTPrq1HqByE7jwoE") String uid,
            @Schema(description = "Cal.com's numeric booking id.", examples = "5001") long id,
            @Schema(description = "Our interview (metadata.schedulrInterviewId).", nullable = true, examples = "iv-42") String interviewId,
            @Schema(examples = "Interview (30 min) between Ada Host and Grace Candidate") String title,
            @Schema(description = "Lower case as Cal.com gives it.", enumeration = {"accepted", "pending", "cancelled", "rejected"},
                    examples = "accepted") String status,
            @Schema(examples = "2031-03-03T09:00:00Z") Instant start,
            @Schema(examples = "2031-03-03T09:30:00Z") Instant end,
            @Schema(examples = "1001") long eventTypeId,
            @Schema(description = "The video call's URL when Cal.com gives one.", nullable = true,
                    examples = "https://app.cal.com/video/8bYkhFgTPrq1HqByE7jwoE") String meetingUrl,
            @Schema(description = "The meeting's iCalendar UID; the same across reschedules.", examples = "8bYkhFgTPrq1HqByE7jwoE@Cal.com")
            String icsUid,
            @Schema(description = "For a booking made by a reschedule: the booking it replaced.", nullable = true)
            String rescheduledFromUid,
            @Schema(description = "For a booking replaced by a reschedule: its successor.", nullable = true) String rescheduledToUid,
            @Schema(nullable = true, examples = "The startup withdrew.") String cancellationReason,
            List<PersonJson> hosts,
            List<PersonJson> attendees,
            @Schema(examples = "[\"observer@partner.example\"]") List<String> guests,
            @Schema(description = "Cal.com's metadata of the booking; ours are schedulrInterviewId and schedulrBookedBy.",
                    examples = "{\"schedulrInterviewId\": \"iv-42\", \"schedulrBookedBy\": \"109876543210987654321\"}")
            Map<String, String> metadata) {
        static BookingJson of(Booking b) {
            return new BookingJson(b.uid(), b.id(), b.interviewId(), b.title(), b.status(), b.start(), b.end(), b.eventTypeId(),
                    b.meetingUrl(), b.icsUid(), b.rescheduledFromUid(), b.rescheduledToUid(), b.cancellationReason(), people(b.hosts()),
                    people(b.attendees()), b.guests(), b.metadata());
        }

        private static List<PersonJson> people(List<Booking.Person> people) {
            return people.stream().map(p -> new PersonJson(p.name(), p.email(), p.timeZone())).toList();
        }
    }
}
