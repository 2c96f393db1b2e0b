package io.schedulr.scheduling.application.service;

import io.schedulr.scheduling.application.port.out.AuditTrailPort;
import io.schedulr.scheduling.application.port.out.CalendarBusyPort;
import io.schedulr.scheduling.application.port.out.FindBookingsPort;
import io.schedulr.scheduling.application.port.out.LoadCalendarConnectionPort;
import io.schedulr.scheduling.application.port.out.UserDirectoryPort;
import io.schedulr.scheduling.domain.CalendarConflictException;
import io.schedulr.scheduling.domain.CalendarConnection;
import io.schedulr.scheduling.domain.CalendarConnectionStatus;
import io.schedulr.scheduling.domain.PracticeRoom;
import io.schedulr.scheduling.domain.RoomId;
import io.schedulr.scheduling.domain.Slot;
import io.schedulr.scheduling.domain.TimeWindow;
import io.schedulr.scheduling.domain.UserProfile;
import io.smallrye.mutiny.Uni;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConflictCheckTest {
    private static final Instant T = Instant.parse("2030-03-01T10:00:00Z");
    private static final TimeWindow TEN_TO_ELEVEN = new TimeWindow(T, T.plusSeconds(3600));

    /** Bookings, Google calendars, connections and audit of a few people, in memory. */
    private static final class People implements FindBookingsPort, CalendarBusyPort, LoadCalendarConnectionPort, UserDirectoryPort,
            AuditTrailPort {
        final Map<String, List<TimeWindow>> booked = new HashMap<>();
        final Map<String, String> addresses = new HashMap<>();
        final Map<String, Answer> google = new HashMap<>();
        final List<String> asked = new ArrayList<>();
        final List<String> audit = new ArrayList<>();
        final List<String> held = new ArrayList<>();

        @Override
        public Uni<List<TimeWindow>> heldBookedTimes(java.util.Collection<String> userIds, TimeWindow window, RoomId except) {
            held.addAll(userIds);
            return bookedTimes(userIds, window, except);
        }

        @Override
        public Uni<Void> holdAddresses(java.util.Collection<String> emails, TimeWindow window) {
            held.addAll(emails);
            return Uni.createFrom().voidItem();
        }

        @Override
        public Uni<List<TimeWindow>> bookedTimes(java.util.Collection<String> userIds, TimeWindow window, RoomId except) {
            return Uni.createFrom().item(userIds.stream().flatMap(id -> booked.getOrDefault(id, List.of()).stream()).toList());
        }

        @Override
        public Uni<List<TimeWindow>> bookedTimesOfAddresses(java.util.Collection<String> emails, TimeWindow window, java.util.UUID exceptInterview) {
            return bookedTimes(emails, window, null);
        }

        @Override
        public Uni<Map<String, List<TimeWindow>>> bookedTimesByAddress(java.util.Collection<String> emails, TimeWindow window) {
            return Uni.createFrom().item(Map.of());
        }

        @Override
        public Uni<Answer> busyTimes(String userId, TimeWindow window) {
            asked.add(userId);
            return Uni.createFrom().item(google.get(userId));
        }

        @Override
        public Uni<Optional<CalendarConnection>> load(String userId) {
            return Uni.createFrom().item(Optional.ofNullable(google.containsKey(userId)
                    ? new CalendarConnection(userId, CalendarConnectionStatus.CONNECTED, null, "cal-" + userId, T) : null));
        }

        @Override
        public Uni<UserProfile> upsert(UserProfile user) {
            return Uni.createFrom().item(user);
        }

        @Override
        public Uni<Map<String, UserProfile>> findAll(java.util.Collection<String> ids) {
            return Uni.createFrom().item(Map.of());
        }

        @Override
        public Uni<Map<String, String>> idsByAddress(java.util.Collection<String> emails) {
            Map<String, String> ids = new java.util.LinkedHashMap<>();
            addresses.entrySet().stream().filter(a -> emails.stream().anyMatch(e -> e.equalsIgnoreCase(a.getKey())))
                    .forEach(a -> ids.put(a.getKey().toLowerCase(java.util.Locale.ROOT), a.getValue()));
            return Uni.createFrom().item(ids);
        }

        @Override
        public Uni<Void> record(String actorId, String action, PracticeRoom before, PracticeRoom after) {
            return Uni.createFrom().voidItem();
        }

        @Override
        public Uni<Void> recordSlot(String actorId, String action, Slot before, Slot after) {
            return Uni.createFrom().voidItem();
        }

        @Override
        public Uni<Void> recordEntity(String actorId, String action, String entityType, String entityId, Object before, Object after) {
            audit.add(actorId + " " + action + " " + after);
            return Uni.createFrom().voidItem();
        }
    }

    private final People people = new People();
    private final ConflictCheck check = new ConflictCheck(people, people, people, people, people);

    private List<String> require(String actor, boolean allowOwn, List<String> who) {
        return inThreeSteps(check, actor, allowOwn, TEN_TO_ELEVEN, who, null);
    }

    /** As a use case runs the check: prepared in its reading session, Google asked, then required in its transaction. */
    private static List<String> inThreeSteps(ConflictCheck check, String actor, boolean allowOwn, TimeWindow window, List<String> who,
                                             TimeWindow ownEvent) {
        return check.prepare(actor, allowOwn, window, who, ownEvent).chain(check::ask)
                .chain(answers -> check.require(actor, allowOwn, window, who, null, ownEvent, answers)).await().indefinitely();
    }

    @Test
    void aClashWithAnyonesBookingIsRefusedWithItsTimesOnly() {
        TimeWindow guestsOther = new TimeWindow(T.minusSeconds(1800), T.plusSeconds(1800));
        TimeWindow touching = new TimeWindow(T.plusSeconds(3600), T.plusSeconds(7200));
        people.booked.put("guest", List.of(guestsOther, touching));

        assertThatThrownBy(() -> require("guest", false, List.of("guest", "host")))
                .isInstanceOfSatisfying(CalendarConflictException.class, e -> {
                    assertThat(e.code()).isEqualTo("calendar_conflict");
                    assertThat(e.conflicts()).containsExactly(guestsOther);
                    assertThat(e.ownOnly()).as("only the guest's own booking clashes").isTrue();
                    assertThat(e.getMessage()).contains("your calendar", "allowConflicts: true");
                });
        assertThat(require("host", false, List.of("host"))).isEmpty();
        assertThat(people.held).as("everyone checked is held until the transaction ends").containsExactly("guest", "host", "host");
    }

    @Test
    void theActorMayIgnoreTheirOwnCalendarButNeverSomeoneElses() {
        people.booked.put("guest", List.of(TEN_TO_ELEVEN));
        people.google.put("guest", new CalendarBusyPort.Busy(List.of(TEN_TO_ELEVEN)));
        assertThat(require("guest", true, List.of("guest", "host"))).isEmpty();
        assertThat(people.asked).isEmpty();

        people.booked.put("host", List.of(new TimeWindow(T.plusSeconds(600), T.plusSeconds(1200))));
        assertThatThrownBy(() -> require("guest", true, List.of("guest", "host"))).isInstanceOf(CalendarConflictException.class);
    }

    @Test
    void theActorsGoogleBusyTimeClashesButTheSessionsOwnEventDoesNot() {
        TimeWindow dentist = new TimeWindow(T.plusSeconds(1800), T.plusSeconds(5400));
        people.google.put("guest", new CalendarBusyPort.Busy(List.of(dentist)));
        assertThatThrownBy(() -> require("guest", false, List.of("guest"))).isInstanceOfSatisfying(CalendarConflictException.class,
                e -> assertThat(e.conflicts()).containsExactly(dentist));

        people.google.put("guest", new CalendarBusyPort.Busy(List.of(TEN_TO_ELEVEN)));
        assertThat(inThreeSteps(check, "guest", false, TEN_TO_ELEVEN, List.of("guest"), TEN_TO_ELEVEN)).isEmpty();
    }

    @Test
    void googleNotAnsweringLetsTheBookingThroughWithAWarningAndAnAuditRow() {
        people.google.put("guest", new CalendarBusyPort.Unavailable("timeout"));

        assertThat(require("guest", false, List.of("guest", "host"))).containsExactly("calendar_unavailable");
        assertThat(people.audit).singleElement().asString().contains("guest calendar_check_skipped", "timeout");
    }

    @Test
    void withTheGateOnAFreshConnectionNotYetAnnouncedHereIsAskedAbout() {
        TimeWindow dentist = new TimeWindow(T.plusSeconds(1800), T.plusSeconds(5400));
        ConflictCheck gated = new ConflictCheck(people, (user, window) -> Uni.createFrom().item(new CalendarBusyPort.Busy(List.of(dentist))),
                user -> Uni.createFrom().item(Optional.empty()), people, people, true);

        assertThatThrownBy(() -> inThreeSteps(gated, "guest", false, TEN_TO_ELEVEN, List.of("guest"), null))
                .isInstanceOf(CalendarConflictException.class);
    }

    @Test
    void nobodyIsAskedAboutSomeoneWhoIsNotConnected() {
        assertThat(require("guest", false, List.of("guest", "host"))).isEmpty();
        assertThat(people.asked).isEmpty();
        assertThat(inThreeSteps(ConflictCheck.none(), "guest", false, TEN_TO_ELEVEN, List.of("guest"), null)).isEmpty();
    }

    @Test
    void theHostsGoogleBusyTimeStopsTheGuestsBookingAndTheGuestCannotAllowIt() {
        TimeWindow hostsDentist = new TimeWindow(T.plusSeconds(1200), T.plusSeconds(2400));
        people.google.put("host", new CalendarBusyPort.Busy(List.of(hostsDentist)));

        for (boolean allowOwn : List.of(false, true)) {
            assertThatThrownBy(() -> require("guest", allowOwn, List.of("guest", "host"))).as("allowConflicts " + allowOwn)
                    .isInstanceOfSatisfying(CalendarConflictException.class, e -> {
                        assertThat(e.conflicts()).containsExactly(hostsDentist);
                        assertThat(e.ownOnly()).isFalse();
                        assertThat(e.getMessage()).contains("someone else taking part", "ignores only your own calendar");
                    });
        }
        assertThat(people.asked).containsOnly("host");
    }

    @Test
    void theSessionsOwnEventOnTheOtherPersonsCalendarIsNoClashWhenItMoves() {
        TimeWindow before = new TimeWindow(T.minusSeconds(1800), T.plusSeconds(1800));
        people.google.put("guest", new CalendarBusyPort.Busy(List.of(before)));

        assertThat(inThreeSteps(check, "host", false, TEN_TO_ELEVEN, List.of("host", "guest"), before)).isEmpty();
        assertThatThrownBy(() -> require("host", false, List.of("host", "guest"))).isInstanceOf(CalendarConflictException.class);
    }

    @Test
    void aMoveByLessThanItsLengthIsNoClashWithWhatGoogleShowsOfItsOwnEventAndAnotherEventStillIs() {
        // A 10:00–11:00 session moved to 10:30: Google answers busy times cut to the window asked about (10:30–11:30).
        TimeWindow before = new TimeWindow(T.minusSeconds(1800), T.plusSeconds(1800));
        people.google.put("guest", new CalendarBusyPort.Busy(List.of(new TimeWindow(T, T.plusSeconds(1800)))));
        assertThat(inThreeSteps(check, "host", false, TEN_TO_ELEVEN, List.of("host", "guest"), before)).isEmpty();

        TimeWindow dentist = new TimeWindow(T.plusSeconds(2400), T.plusSeconds(3000));
        people.google.put("guest", new CalendarBusyPort.Busy(List.of(new TimeWindow(T, T.plusSeconds(1800)), dentist)));
        assertThatThrownBy(() -> inThreeSteps(check, "host", false, TEN_TO_ELEVEN, List.of("host", "guest"), before))
                .isInstanceOfSatisfying(CalendarConflictException.class, e -> assertThat(e.conflicts()).containsExactly(dentist));
    }

    @Test
    void anotherPersonsGoogleNotAnsweringIsOneWarningAndAnAuditRowNamingThem() {
        people.google.put("host", new CalendarBusyPort.Unavailable("timeout"));
        people.google.put("guest", new CalendarBusyPort.Unavailable("timeout"));

        assertThat(require("guest", false, List.of("guest", "host"))).containsExactly("calendar_unavailable");
        assertThat(people.audit).hasSize(2).anySatisfy(row -> assertThat(row).startsWith("guest calendar_check_skipped").contains("person=host"));
    }

    @Test
    void aTeamMembersGoogleBusyTimeStopsTheSendingWhateverTheSenderAllows() {
        TimeWindow membersMeeting = new TimeWindow(T.plusSeconds(600), T.plusSeconds(1200));
        people.addresses.put("Mia@Example.com", "mia");
        people.google.put("mia", new CalendarBusyPort.Busy(List.of(membersMeeting)));
        people.google.put("sender", new CalendarBusyPort.Busy(List.of(TEN_TO_ELEVEN)));

        assertThatThrownBy(() -> check.prepareForTeam("sender", "sender@example.com", true, TEN_TO_ELEVEN, List.of("mia@example.com", "sender@example.com"))
                .chain(check::ask).chain(answers -> check.requireForTeam("sender", "sender@example.com", true, TEN_TO_ELEVEN,
                        List.of("mia@example.com", "sender@example.com"), answers))
                .await().indefinitely())
                .isInstanceOfSatisfying(CalendarConflictException.class, e -> {
                    assertThat(e.conflicts()).containsExactly(membersMeeting);
                    assertThat(e.ownOnly()).isFalse();
                });
        assertThat(people.asked).containsExactly("mia");
    }

    @Test
    void aClashIsTheActorsOwnOnlyWhenNobodyElseTakingPartIsBusyThen() {
        TimeWindow guestsDentist = new TimeWindow(T.plusSeconds(600), T.plusSeconds(1200));
        TimeWindow hostsMeeting = new TimeWindow(T.plusSeconds(1800), T.plusSeconds(2400));
        people.google.put("guest", new CalendarBusyPort.Busy(List.of(guestsDentist)));
        people.google.put("host", new CalendarBusyPort.Busy(List.of()));
        assertThatThrownBy(() -> require("guest", false, List.of("guest", "host")))
                .isInstanceOfSatisfying(CalendarConflictException.class, e -> assertThat(e.ownOnly()).isTrue());

        people.booked.put("host", List.of(hostsMeeting));
        assertThatThrownBy(() -> require("guest", false, List.of("guest", "host")))
                .isInstanceOfSatisfying(CalendarConflictException.class, e -> {
                    assertThat(e.conflicts()).containsExactly(guestsDentist, hostsMeeting);
                    assertThat(e.ownOnly()).as("allowConflicts would not help: the host is busy too").isFalse();
                });
        assertThatThrownBy(() -> check.requireCommitments("host", false, TEN_TO_ELEVEN, List.of("host", "guest"), null).await().indefinitely())
                .isInstanceOfSatisfying(CalendarConflictException.class, e -> assertThat(e.ownOnly()).isTrue());
    }

    @Test
    void theSendersOwnSessionIsTheirOwnClashInATeamCheck() {
        people.booked.put("sender@example.com", List.of(TEN_TO_ELEVEN));
        List<String> team = List.of("mia@example.com", "sender@example.com");

        assertThatThrownBy(() -> check.prepareForTeam("sender", "sender@example.com", false, TEN_TO_ELEVEN, team)
                .chain(check::ask).chain(answers -> check.requireForTeam("sender", "Sender@Example.com", false, TEN_TO_ELEVEN, team, answers))
                .await().indefinitely())
                .isInstanceOfSatisfying(CalendarConflictException.class, e -> assertThat(e.ownOnly()).isTrue());
    }

    @Test
    void theSecondLookAtTheCommitmentsHoldsThePeopleAndRefusesAClashButAsksNoGoogleCalendar() {
        people.booked.put("host", List.of(TEN_TO_ELEVEN));
        people.google.put("guest", new CalendarBusyPort.Busy(List.of(TEN_TO_ELEVEN)));

        assertThatThrownBy(() -> check.requireCommitments("guest", true, TEN_TO_ELEVEN, List.of("guest", "host"), null).await().indefinitely())
                .isInstanceOf(CalendarConflictException.class);
        assertThat(people.held).containsExactly("host");
        assertThat(people.asked).isEmpty();
        people.booked.clear();
        check.requireCommitments("guest", false, TEN_TO_ELEVEN, List.of("guest", "host"), null).await().indefinitely();
    }
}
