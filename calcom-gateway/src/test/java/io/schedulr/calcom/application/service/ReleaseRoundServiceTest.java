package io.schedulr.calcom.application.service;

import io.schedulr.calcom.application.InMemoryWebhookLedger;
import io.schedulr.calcom.application.port.in.ReceiveBookingChangeCommand;
import io.schedulr.calcom.application.port.in.WebhookReceipt;
import io.schedulr.calcom.application.port.out.MeetingLedger;
import io.schedulr.calcom.application.port.out.Transactions;
import io.schedulr.calcom.domain.webhook.BookingChange;
import io.schedulr.calcom.domain.webhook.ChangeKind;
import io.schedulr.calcom.domain.webhook.MeetingState;
import io.schedulr.calcom.domain.webhook.Person;
import io.schedulr.testsupport.SettableClock;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** The scheduler's round of releases with the webhook core in memory: overdue held changes go out, each meeting alone. */
class ReleaseRoundServiceTest {
    private static final Instant T0 = Instant.parse("2030-09-02T07:00:00Z");

    private final SettableClock clock = new SettableClock(T0);
    private final InMemoryWebhookLedger ledger = new InMemoryWebhookLedger();
    private final List<BookingChange> announced = new ArrayList<>();
    private final Set<String> brokenMeetings = new HashSet<>();
    private final BookingWebhookService webhooks = new BookingWebhookService(ledger, ledger, change -> {
        if (brokenMeetings.contains(change.icalUid())) {
            throw new IllegalStateException("the outbox refused meeting " + change.icalUid());
        }
        announced.add(change);
    }, clock, Duration.ofMinutes(1));
    private final ReleaseRoundService round = new ReleaseRoundService(webhooks, new Transactions() {
        /** Like the database's: what the work changed in the ledger is undone when it throws. */
        @Override
        public <T> T call(Supplier<T> work) {
            Map<String, MeetingLedger.HeldChange> held = new LinkedHashMap<>(ledger.held);
            Map<String, MeetingState> states = new HashMap<>(ledger.states);
            try {
                return work.get();
            } catch (RuntimeException e) {
                ledger.held.clear();
                ledger.held.putAll(held);
                ledger.states.clear();
                ledger.states.putAll(states);
                throw e;
            }
        }
    });

    @Test
    void onlyChangesHeldLongerThanTheReorderWindowAreAnnounced() {
        assertThat(receive(rescheduled("m1", "u2", "u1"))).isEqualTo(WebhookReceipt.HELD);

        clock.set(T0.plusSeconds(30));
        assertThat(round.releaseDue()).isZero();
        assertThat(announced).isEmpty();

        clock.set(T0.plusSeconds(61));
        assertThat(round.releaseDue()).isEqualTo(1);
        assertThat(announced).extracting(BookingChange::uid).containsExactly("u2");
        assertThat(round.releaseDue()).as("announced once").isZero();
    }

    @Test
    void aMeetingWhoseChangeCannotBeAnnouncedFailsAloneAndKeepsItForTheNextRound() {
        receive(rescheduled("m1", "u2", "u1"));
        receive(rescheduled("m2", "v2", "v1"));
        receive(rescheduled("m3", "w2", "w1"));
        brokenMeetings.add("m2");
        clock.set(T0.plusSeconds(61));

        assertThat(round.releaseDue()).isEqualTo(2);
        assertThat(announced).extracting(BookingChange::uid).containsExactlyInAnyOrder("u2", "w2");
        assertThat(ledger.held).as("the broken meeting's change is still held").hasSize(1);

        brokenMeetings.clear();
        assertThat(round.releaseDue()).isEqualTo(1);
        assertThat(announced).extracting(BookingChange::uid).containsExactlyInAnyOrder("u2", "w2", "v2");
    }

    private WebhookReceipt receive(BookingChange change) {
        return webhooks.receive(new ReceiveBookingChangeCommand(change, ("{\"uid\":\"" + change.uid() + "\"}").getBytes(StandardCharsets.UTF_8)));
    }

    private static BookingChange rescheduled(String ics, String uid, String previousUid) {
        Instant start = Instant.parse("2030-09-06T09:00:00Z");
        return new BookingChange(ChangeKind.RESCHEDULED, ics, 1, uid, previousUid, 1L, 2L, "Interview", "accepted",
                start, start.plus(Duration.ofMinutes(30)), null, null, new Person("Ada", "ada@host.test", "Europe/Berlin"),
                List.of(new Person("Grace", "grace@candidate.test", "America/New_York")), "integrations:daily", null, Map.of(),
                null, null, false, null, T0);
    }
}
