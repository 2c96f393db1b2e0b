package io.schedulr.scheduling.application.service;

import io.schedulr.scheduling.application.port.in.BookRoomCommand;
import io.schedulr.scheduling.application.port.in.EditRoomCommand;
import io.schedulr.scheduling.domain.DomainException;
import io.schedulr.scheduling.domain.PracticeRoom;
import io.schedulr.scheduling.domain.UserProfile;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.List;

import static io.schedulr.scheduling.application.service.Fixture.START;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Any sequence of bookings, reschedules, privacy and stage changes and deletions by any of four people — some of them
 * racing another person's booking that commits in between — keeps the room's promises: at most one guest, a guest is
 * never replaced, no change is lost (the stored version counts exactly the accepted changes), the invitation
 * SEQUENCE never goes down, and every accepted change has exactly one event and one audit row.
 */
class BookingRulesPropertiesTest {

    enum Kind { BOOK, RESCHEDULE, PRIVACY, STAGE, DELETE }

    record Action(Kind kind, int actor, int raceBy, int minutes) {
    }

    @Provide
    Arbitrary<List<Action>> actions() {
        Arbitrary<Action> action = Combinators.combine(Arbitraries.of(Kind.class), Arbitraries.integers().between(0, 3),
                Arbitraries.integers().between(-1, 3), Arbitraries.integers().between(1, 600)).as(Action::new);
        return action.list().ofMinSize(1).ofMaxSize(12);
    }

    @Property(tries = 300)
    void theRoomKeepsItsPromisesWhateverHappens(@ForAll("actions") List<Action> actions) {
        Fixture f = new Fixture();
        List<UserProfile> people = List.of(f.host, f.guest, f.other, new UserProfile("fourth", "fourth@example.com", "Fourth", "UTC"));
        f.store.putUser(people.get(3));
        PracticeRoom room = f.room();
        long accepted = 0;
        String firstGuest = null;
        int lastSequence = room.icsSequence();

        for (Action a : actions) {
            if (!f.store.rooms().containsKey(room.id())) {
                break;
            }
            UserProfile actor = people.get(a.actor());
            if (a.raceBy() >= 0) {
                UserProfile racer = people.get(a.raceBy());
                f.store.concurrentWrite = () -> {
                    try {
                        f.bookRoom().book(new BookRoomCommand(racer, room.id(), null)).await().indefinitely();
                    } catch (DomainException refused) {
                        // the racer's own booking was not allowed; nothing committed
                    }
                };
            }
            int eventsBefore = f.store.outbox().size();
            int auditBefore = f.store.audit().size();
            boolean ok = apply(f, a, actor, room);
            f.store.concurrentWrite = null;

            int raced = f.store.outbox().size() - eventsBefore - (ok ? 1 : 0);
            assertThat(raced).as("a racing booking adds at most its own event").isBetween(0, 1);
            accepted += (ok ? 1 : 0) + raced;
            assertThat(f.store.audit().size() - auditBefore).as("one audit row per accepted change").isEqualTo((ok ? 1 : 0) + raced);

            PracticeRoom now = f.store.rooms().get(room.id());
            if (now == null) {
                break;
            }
            if (firstGuest == null) {
                firstGuest = now.guestId();
            }
            assertThat(now.guestId()).as("a guest is never replaced").isEqualTo(firstGuest);
            assertThat(now.guestId()).as("the host never books their own room").isNotEqualTo(now.hostId());
            assertThat(now.version()).as("every accepted change stored, none lost").isEqualTo(accepted - noOps(f));
            assertThat(now.icsSequence()).isGreaterThanOrEqualTo(lastSequence);
            lastSequence = now.icsSequence();
        }
    }

    /** Changes that were accepted but changed nothing (e.g. a stage set to what it was) are announced but not stored. */
    private static long noOps(Fixture f) {
        return f.store.audit().stream().filter(r -> r.before() != null && r.before().equals(r.after())).count();
    }

    private static boolean apply(Fixture f, Action a, UserProfile actor, PracticeRoom room) {
        try {
            switch (a.kind()) {
                case BOOK -> f.bookRoom().book(new BookRoomCommand(actor, room.id(), null)).await().indefinitely();
                case RESCHEDULE -> f.editRoom().edit(new EditRoomCommand(actor, room.id(), START.plusSeconds(60L * a.minutes()), null, null, null))
                        .await().indefinitely();
                case PRIVACY -> f.editRoom().edit(new EditRoomCommand(actor, room.id(), null, a.minutes() % 2 == 0, null, null)).await().indefinitely();
                case STAGE -> f.editRoom().edit(new EditRoomCommand(actor, room.id(), null, null, null, "stage " + (a.minutes() % 3)))
                        .await().indefinitely();
                case DELETE -> f.deleteRoom().delete(actor, room.id()).await().indefinitely();
            }
            return true;
        } catch (DomainException refused) {
            return false;
        }
    }
}
