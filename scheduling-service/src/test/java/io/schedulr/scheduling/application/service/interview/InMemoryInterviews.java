package io.schedulr.scheduling.application.service.interview;

import io.schedulr.scheduling.application.port.out.interview.CalcomGatewayException;
import io.schedulr.scheduling.application.port.out.interview.CalcomGatewayPort;
import io.schedulr.scheduling.application.port.out.interview.InterviewAnnouncements;
import io.schedulr.scheduling.application.port.out.interview.InterviewStore;
import io.schedulr.scheduling.domain.interview.Interview;
import io.schedulr.scheduling.domain.interview.InterviewAnnouncement;
import io.schedulr.scheduling.domain.interview.InterviewStatus;
import io.smallrye.mutiny.Uni;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Interviews, their announcements and calcom-gateway in memory, with the promises of the real adapters: an update at a
 * stale version fails (the real store's optimistic check), and the gateway answers as docs/calcom-gateway-api.md says
 * (event type 1001, 30 minutes; bookings with a new uid; scripted refusals).
 */
final class InMemoryInterviews implements InterviewStore, InterviewAnnouncements, CalcomGatewayPort {
    final Map<UUID, Interview> interviews = new LinkedHashMap<>();
    final List<InterviewAnnouncement> announced = new ArrayList<>();
    final List<BookingRequest> bookings = new ArrayList<>();
    final Deque<CalcomGatewayException> failures = new ArrayDeque<>();
    /** Cancel and reschedule calls: "cancel uid reason" or "reschedule uid start reason". */
    final List<String> changes = new ArrayList<>();
    /** Runs when a cancel or reschedule reaches Cal.com, before it answers (e.g. its webhook arriving first). */
    Runnable beforeAnswer = () -> { };

    @Override
    public Uni<Optional<Interview>> find(UUID id) {
        return Uni.createFrom().item(Optional.ofNullable(interviews.get(id)));
    }

    @Override
    public Uni<Optional<Interview>> findByCalcom(String icalUid, Collection<String> bookingUids) {
        return Uni.createFrom().item(interviews.values().stream()
                .filter(i -> (icalUid != null && icalUid.equals(i.calcomIcalUid())) || bookingUids.contains(i.calcomBookingUid())).findFirst());
    }

    @Override
    public Uni<Interview> insert(Interview interview) {
        if (interviews.containsKey(interview.id())) {
            return Uni.createFrom().failure(new IllegalStateException("duplicate id"));
        }
        interviews.put(interview.id(), interview);
        return Uni.createFrom().item(interview);
    }

    @Override
    public Uni<Interview> update(Interview interview) {
        Interview stored = interviews.get(interview.id());
        if (stored == null || stored.version() != interview.version()) {
            return Uni.createFrom().failure(new IllegalStateException("lost race"));
        }
        Interview next = new Interview(interview.id(), interview.status(), interview.origin(), interview.createdBy(), interview.startupId(),
                interview.contactId(), interview.primaryMemberId(), interview.additionalMemberIds(), interview.eventTypeId(),
                interview.customDuration(), interview.durationMinutes(), interview.startAt(), interview.endAt(), interview.timeZone(),
                interview.prepNotes(), interview.customQuestions(), interview.guestsSaved(), interview.detailsSaved(), interview.guests(),
                interview.title(), interview.calcomBookingUid(), interview.calcomIcalUid(), interview.calcomSequence(), interview.meetingUrl(),
                interview.meetingProvider(), interview.sequence(), interview.awaitingNewTime(), interview.awaitingHost(),
                interview.cancellationReason(),
                interview.sendingSince(), interview.sentAt(), interview.sentBy(), interview.calcomHost(), interview.createdAt(), interview.updatedAt(),
                interview.version() + 1);
        interviews.put(next.id(), next);
        return Uni.createFrom().item(next);
    }

    @Override
    public Uni<List<Interview>> list(Visibility visibility, InterviewStatus status, UUID startupId, int limit, int offset) {
        return Uni.createFrom().item(interviews.values().stream().filter(i -> status == null || i.status() == status)
                .filter(i -> startupId == null || startupId.equals(i.startupId()))
                .filter(i -> visibility.all() || i.involves(visibility.userId(), visibility.memberId())).skip(offset).limit(limit).toList());
    }

    @Override
    public Uni<List<Interview>> listNaming(UUID contactId, UUID memberId) {
        return Uni.createFrom().item(interviews.values().stream().filter(i -> i.status() != InterviewStatus.CANCELLED)
                .filter(i -> contactId != null
                        ? contactId.equals(i.contactId()) || i.guests().stream().anyMatch(g -> contactId.equals(g.contactId()))
                        : memberId.equals(i.primaryMemberId()) || i.additionalMemberIds().contains(memberId))
                .toList());
    }

    @Override
    public Uni<Long> countNaming(UUID startupId, Collection<UUID> contactIds) {
        return Uni.createFrom().item(interviews.values().stream()
                .filter(i -> (startupId != null && startupId.equals(i.startupId())) || (i.contactId() != null && contactIds.contains(i.contactId()))
                        || i.guests().stream().anyMatch(g -> g.contactId() != null && contactIds.contains(g.contactId())))
                .count());
    }

    @Override
    public Uni<Void> announce(InterviewAnnouncement announcement) {
        announced.add(announcement);
        return Uni.createFrom().voidItem();
    }

    @Override
    public Uni<List<EventTypeOption>> eventTypes() {
        return Uni.createFrom().item(List.of(new EventTypeOption(1001, "Interview (30 min)", "", 30, List.of(30), List.of(new Host(101, "Ada"))),
                new EventTypeOption(1002, "Interview (flexible)", "", 60, List.of(30, 60, 90), List.of(new Host(101, "Ada")))));
    }

    @Override
    public Uni<SlotOptions> slots(long eventTypeId, Instant from, Instant to, String timeZone, Integer lengthInMinutes) {
        // Three starts half an hour apart from the start of the range (each as long as asked, else 30 minutes), and the first
        // two again for a member.
        long length = lengthInMinutes == null ? 30 : lengthInMinutes;
        List<Slot> slots = java.util.stream.IntStream.range(0, 3)
                .mapToObj(i -> new Slot(from.plus(Duration.ofMinutes(30L * i)), from.plus(Duration.ofMinutes(30L * i + length)))).toList();
        return Uni.createFrom().item(new SlotOptions(eventTypeId, timeZone, true, slots, List.of(new MemberSlots(new Host(101, "Ada"), slots.subList(0, 2)))));
    }

    @Override
    public Uni<BookedMeeting> book(BookingRequest request) {
        bookings.add(request);
        if (!failures.isEmpty()) {
            return Uni.createFrom().failure(failures.poll());
        }
        String uid = "bk" + bookings.size();
        return Uni.createFrom().item(new BookedMeeting(uid, uid + "@Cal.com", request.start(), request.start().plus(Duration.ofMinutes(30)),
                "https://app.cal.com/video/" + uid, "cal-video", pending));
    }

    /** Cal.com answers bookings and moves {@code pending} (their event type needs a host to confirm them). */
    boolean pending;

    /** Cal.com's state of each booking (accepted unless set). */
    final Map<String, BookingState> states = new LinkedHashMap<>();

    @Override
    public Uni<BookingState> bookingState(String bookingUid) {
        return Uni.createFrom().item(states.getOrDefault(bookingUid, new BookingState("accepted", null)));
    }

    @Override
    public Uni<Void> cancel(String bookingUid, String reason) {
        changes.add("cancel " + bookingUid + " " + reason);
        beforeAnswer.run();
        return failures.isEmpty() ? Uni.createFrom().voidItem() : Uni.createFrom().failure(failures.poll());
    }

    @Override
    public Uni<BookedMeeting> reschedule(String bookingUid, Instant start, String reason) {
        changes.add("reschedule " + bookingUid + " " + start + " " + reason);
        beforeAnswer.run();
        if (!failures.isEmpty()) {
            return Uni.createFrom().failure(failures.poll());
        }
        String uid = "rs" + changes.size();
        return Uni.createFrom().item(new BookedMeeting(uid, null, start, start.plus(Duration.ofMinutes(30)), "https://app.cal.com/video/" + uid,
                "cal-video", pending));
    }
}
