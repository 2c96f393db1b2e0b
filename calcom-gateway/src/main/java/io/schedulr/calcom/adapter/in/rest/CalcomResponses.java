package io.schedulr.calcom.adapter.in.rest;

import io.schedulr.calcom.domain.booking.Availability;
import io.schedulr.calcom.domain.booking.Booking;
import io.schedulr.calcom.domain.booking.EventType;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** Answers of the Cal.com routes, as docs/calcom-gateway-api.md gives them. */
public final class CalcomResponses {
    private CalcomResponses() {
    }

    public record EventTypeJson(long id, String title, String slug, String description, int lengthInMinutes, List<Integer> lengthOptions,
                                Long teamId, String schedulingType, List<HostJson> hosts, String bookingUrl) {
        static EventTypeJson of(EventType t) {
            return new EventTypeJson(t.id(), t.title(), t.slug(), t.description(), t.lengthInMinutes(), t.lengthOptions(), t.teamId(),
                    t.schedulingType(), t.hosts().stream().map(HostJson::of).toList(), t.bookingUrl());
        }
    }

    public record HostJson(long userId, String name, String username) {
        static HostJson of(EventType.Host h) {
            return new HostJson(h.userId(), h.name(), h.username());
        }
    }

    public record SlotJson(OffsetDateTime start, OffsetDateTime end) {
    }

    public record MemberJson(HostJson member, List<SlotJson> slots) {
    }

    public record AvailabilityJson(long eventTypeId, String timeZone, String schedulingType, boolean everyHostAttends,
                                   List<SlotJson> slots, List<MemberJson> members) {
        static AvailabilityJson of(Availability a) {
            return new AvailabilityJson(a.eventTypeId(), a.timeZone(), a.schedulingType(), a.everyHostAttends(),
                    a.slots().stream().map(s -> new SlotJson(s.start(), s.end())).toList(),
                    a.members().stream().map(m -> new MemberJson(HostJson.of(m.member()),
                            m.slots().stream().map(s -> new SlotJson(s.start(), s.end())).toList())).toList());
        }
    }

    public record PersonJson(String name, String email, String timeZone) {
    }

    public record BookingJson(String uid, long id, String interviewId, String title, String status, Instant start, Instant end,
                              long eventTypeId, String meetingUrl, String icsUid, String rescheduledFromUid, String rescheduledToUid,
                              String cancellationReason, List<PersonJson> hosts, List<PersonJson> attendees, List<String> guests,
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
