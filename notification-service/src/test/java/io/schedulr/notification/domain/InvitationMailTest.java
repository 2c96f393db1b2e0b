package io.schedulr.notification.domain;

import io.schedulr.notification.domain.DeliveryAttemptRecord.StatusNotice;
import io.schedulr.notification.domain.InvitationMail.State;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The rule of the interview page's mail states, without Quarkus: which mail is the latest per address, and its state. */
class InvitationMailTest {
    private static final String ROOM = "interview:7c9e6679-7425-40de-944b-e07fc1f90ae7";
    private static final Instant T0 = Instant.parse("2030-01-01T09:00:00Z");
    private static long nextAttempt = 1;

    private static Instant t(int seconds) {
        return T0.plusSeconds(seconds);
    }

    private static DeliveryAttemptRecord row(Long deliveryId, String recipient, InviteMethod method, int sequence, DeliveryOutcome outcome,
                                             String error, Instant at, DeliveryStatus status, StatusNotice... notices) {
        return new DeliveryAttemptRecord(nextAttempt++, deliveryId, "event-" + deliveryId, ROOM, recipient, method, sequence, outcome, error, at,
                deliveryId == null ? null : "key-" + deliveryId, status, List.of(notices));
    }

    private static DeliveryAttemptRecord row(Long deliveryId, String recipient, int sequence, DeliveryOutcome outcome, Instant at,
                                             DeliveryStatus status, StatusNotice... notices) {
        return row(deliveryId, recipient, InviteMethod.REQUEST, sequence, outcome, null, at, status, notices);
    }

    private static StatusNotice notice(EmailStatus status, String detail, Instant receivedAt) {
        return new StatusNotice(status, detail, null, receivedAt);
    }

    private static InvitationMail only(DeliveryAttemptRecord... rows) {
        List<InvitationMail> mails = InvitationMail.latestPerRecipient(List.of(rows));
        assertThat(mails).hasSize(1);
        return mails.get(0);
    }

    @Test
    void nothingRecordedIsNoMail() {
        assertThat(InvitationMail.latestPerRecipient(List.of())).isEmpty();
    }

    @Test
    void aQueuedMailIsWaiting() {
        InvitationMail mail = only(row(1L, "grace@acme.test", 0, DeliveryOutcome.QUEUED, t(0), DeliveryStatus.PENDING));

        assertThat(mail).isEqualTo(new InvitationMail("grace@acme.test", InviteMethod.REQUEST, 0, State.WAITING, t(0), null));
    }

    @Test
    void aParkedMailIsRetryingWithTheErrorOfItsLatestFailedAttempt() {
        InvitationMail mail = only(
                row(1L, "grace@acme.test", InviteMethod.REQUEST, 1, DeliveryOutcome.QUEUED, null, t(0), DeliveryStatus.PARKED),
                row(1L, "grace@acme.test", InviteMethod.REQUEST, 1, DeliveryOutcome.FAILED, "421 busy", t(5), DeliveryStatus.PARKED),
                row(1L, "grace@acme.test", InviteMethod.REQUEST, 1, DeliveryOutcome.FAILED, "451 try again later", t(40), DeliveryStatus.PARKED));

        assertThat(mail.state()).isEqualTo(State.RETRYING);
        assertThat(mail.detail()).isEqualTo("451 try again later");
        assertThat(mail.at()).isEqualTo(t(40));
        assertThat(mail.sequence()).isEqualTo(1);
    }

    @Test
    void aSentMailWithoutReportsIsSent() {
        InvitationMail mail = only(row(1L, "grace@acme.test", 1, DeliveryOutcome.QUEUED, t(0), DeliveryStatus.SENT),
                row(1L, "grace@acme.test", 1, DeliveryOutcome.SENT, t(2), DeliveryStatus.SENT));

        assertThat(mail).isEqualTo(new InvitationMail("grace@acme.test", InviteMethod.REQUEST, 1, State.SENT, t(2), null));
    }

    @Test
    void aSentMailTakesTheStateOfTheProvidersLatestReport() {
        record Case(EmailStatus reported, State expected) {
        }
        for (Case c : List.of(new Case(EmailStatus.BOUNCED, State.BOUNCED), new Case(EmailStatus.REJECTED, State.BOUNCED),
                new Case(EmailStatus.COMPLAINED, State.COMPLAINED), new Case(EmailStatus.DELIVERED, State.DELIVERED),
                new Case(EmailStatus.DEFERRED, State.DELAYED))) {
            InvitationMail mail = only(row(1L, "grace@acme.test", 1, DeliveryOutcome.QUEUED, t(0), DeliveryStatus.SENT),
                    row(1L, "grace@acme.test", 1, DeliveryOutcome.SENT, t(2), DeliveryStatus.SENT,
                            notice(EmailStatus.DEFERRED, "421 greylisted", t(30)), notice(c.reported(), "said " + c.reported(), t(90))));

            assertThat(mail.state()).as("reported %s", c.reported()).isEqualTo(c.expected());
            assertThat(mail.detail()).isEqualTo("said " + c.reported());
            assertThat(mail.at()).as("the report's receipt").isEqualTo(t(90));
        }
    }

    @Test
    void theLatestReportIsTheOneReceivedLastNotTheOneRecordedLast() {
        InvitationMail mail = only(row(1L, "grace@acme.test", 1, DeliveryOutcome.SENT, t(2), DeliveryStatus.SENT,
                notice(EmailStatus.BOUNCED, "550 5.1.1 mailbox unavailable", t(60)), notice(EmailStatus.DEFERRED, "late deferral", t(30))));

        assertThat(mail.state()).isEqualTo(State.BOUNCED);
        assertThat(mail.detail()).isEqualTo("550 5.1.1 mailbox unavailable");
        assertThat(mail.at()).isEqualTo(t(60));
    }

    @Test
    void anAddressNoMailCanBeMadeForIsUndeliverableWithTheReason() {
        InvitationMail mail = only(row(null, "not an address", InviteMethod.REQUEST, 0, DeliveryOutcome.UNDELIVERABLE,
                "not an address mail can be sent to", t(1), null));

        assertThat(mail).isEqualTo(new InvitationMail("not an address", InviteMethod.REQUEST, 0, State.UNDELIVERABLE, t(1),
                "not an address mail can be sent to"));
        assertThat(only(row(4L, "gus@acme.test", 0, DeliveryOutcome.QUEUED, t(1), DeliveryStatus.UNDELIVERABLE)).state())
                .as("a delivery the dispatcher set aside").isEqualTo(State.UNDELIVERABLE);
    }

    @Test
    void aMailLeftToGoogleSaysSo() {
        InvitationMail mail = only(row(3L, "ada@acme.test", InviteMethod.REQUEST, 2, DeliveryOutcome.LEFT_TO_GOOGLE, "not emailed: ...", t(3),
                DeliveryStatus.LEFT_TO_GOOGLE));

        assertThat(mail.state()).isEqualTo(State.LEFT_TO_GOOGLE);
        assertThat(mail.detail()).isNull();
    }

    @Test
    void theNewestDeliveryWinsWhateverBecameOfTheOlderOne() {
        InvitationMail mail = only(
                row(1L, "grace@acme.test", 0, DeliveryOutcome.QUEUED, t(0), DeliveryStatus.SENT),
                row(1L, "grace@acme.test", 0, DeliveryOutcome.SENT, t(1), DeliveryStatus.SENT,
                        notice(EmailStatus.BOUNCED, "550 gone", t(200))),
                row(7L, "grace@acme.test", InviteMethod.CANCEL, 1, DeliveryOutcome.QUEUED, null, t(100), DeliveryStatus.PENDING));

        assertThat(mail).isEqualTo(new InvitationMail("grace@acme.test", InviteMethod.CANCEL, 1, State.WAITING, t(100), null));
    }

    @Test
    void changesThatMailedNobodyAnewDoNotCount() {
        List<DeliveryAttemptRecord> rows = new ArrayList<>(List.of(
                row(1L, "grace@acme.test", 0, DeliveryOutcome.QUEUED, t(0), DeliveryStatus.SENT),
                row(1L, "grace@acme.test", 0, DeliveryOutcome.SENT, t(1), DeliveryStatus.SENT)));
        for (DeliveryOutcome nothingNew : List.of(DeliveryOutcome.SKIPPED_STALE, DeliveryOutcome.SKIPPED_DUPLICATE,
                DeliveryOutcome.SKIPPED_NOTHING_NEW)) {
            rows.add(row(null, "grace@acme.test", InviteMethod.REQUEST, 5, nothingNew, "not sent", t(50), null));
        }
        // a newer change replaced a queued one before it went out, and then itself went out
        rows.add(row(8L, "grace@acme.test", 1, DeliveryOutcome.QUEUED, t(60), DeliveryStatus.SUPERSEDED));
        rows.add(row(9L, "grace@acme.test", 2, DeliveryOutcome.QUEUED, t(61), DeliveryStatus.SENT));
        rows.add(row(8L, "grace@acme.test", 1, DeliveryOutcome.SUPERSEDED, t(61), DeliveryStatus.SUPERSEDED));
        rows.add(row(9L, "grace@acme.test", 2, DeliveryOutcome.SENT, t(62), DeliveryStatus.SENT));

        InvitationMail mail = InvitationMail.latestPerRecipient(rows).get(0);

        assertThat(mail).isEqualTo(new InvitationMail("grace@acme.test", InviteMethod.REQUEST, 2, State.SENT, t(62), null));
        assertThat(InvitationMail.latestPerRecipient(rows.subList(0, 5)).get(0).sequence()).as("skipped rows after a sent mail").isZero();
    }

    @Test
    void aSupersededDeliveryIsNoMailSoTheOneBeforeItStands() {
        InvitationMail mail = only(
                row(1L, "grace@acme.test", 0, DeliveryOutcome.SENT, t(1), DeliveryStatus.SENT),
                row(2L, "grace@acme.test", 1, DeliveryOutcome.QUEUED, t(10), DeliveryStatus.SUPERSEDED),
                row(2L, "grace@acme.test", 1, DeliveryOutcome.SUPERSEDED, t(11), DeliveryStatus.SUPERSEDED));

        assertThat(mail.sequence()).isZero();
        assertThat(mail.state()).isEqualTo(State.SENT);
    }

    @Test
    void anAddressWithOnlyRowsThatMailedNobodyIsLeftOut() {
        List<InvitationMail> mails = InvitationMail.latestPerRecipient(List.of(
                row(1L, "ada@acme.test", 0, DeliveryOutcome.SENT, t(1), DeliveryStatus.SENT),
                row(null, "cal@acme.test", InviteMethod.REQUEST, 1, DeliveryOutcome.SKIPPED_NOTHING_NEW, "nothing new", t(2), null),
                row(null, "cal@acme.test", InviteMethod.REQUEST, 0, DeliveryOutcome.SKIPPED_STALE, "stale", t(3), null),
                row(null, "cal@acme.test", InviteMethod.REQUEST, 0, DeliveryOutcome.SKIPPED_DUPLICATE, "twice", t(4), null),
                row(2L, "tom@acme.test", 1, DeliveryOutcome.QUEUED, t(5), DeliveryStatus.SUPERSEDED),
                row(2L, "tom@acme.test", 1, DeliveryOutcome.SUPERSEDED, t(6), DeliveryStatus.SUPERSEDED)));

        assertThat(mails).extracting(InvitationMail::recipient).containsExactly("ada@acme.test");
    }

    @Test
    void addressesAreComparedWithoutRegardToCaseAndSpelledAsTheLatestMailSpellsThem() {
        List<InvitationMail> mails = InvitationMail.latestPerRecipient(List.of(
                row(1L, "Grace@Acme.test", 0, DeliveryOutcome.SENT, t(1), DeliveryStatus.SENT),
                row(2L, "grace@acme.TEST", 1, DeliveryOutcome.SENT, t(20), DeliveryStatus.SENT)));

        assertThat(mails).hasSize(1);
        assertThat(mails.get(0).recipient()).isEqualTo("grace@acme.TEST");
        assertThat(mails.get(0).sequence()).isEqualTo(1);
    }

    @Test
    void addressesComeInTheOrderTheyWereFirstMailedWhateverOrderTheRowsCameIn() {
        List<DeliveryAttemptRecord> rows = new ArrayList<>(List.of(
                row(null, "cal@acme.test", InviteMethod.REQUEST, 0, DeliveryOutcome.SKIPPED_DUPLICATE, "twice", t(0), null),
                row(1L, "ada@acme.test", 0, DeliveryOutcome.QUEUED, t(1), DeliveryStatus.SENT),
                row(2L, "tom@acme.test", 0, DeliveryOutcome.QUEUED, t(1), DeliveryStatus.SENT),
                row(3L, "cal@acme.test", 0, DeliveryOutcome.QUEUED, t(1), DeliveryStatus.PENDING),
                row(4L, "TOM@acme.test", 1, DeliveryOutcome.QUEUED, t(9), DeliveryStatus.PENDING),
                row(5L, "ada@acme.test", 1, DeliveryOutcome.QUEUED, t(9), DeliveryStatus.PENDING),
                row(null, "not an address", InviteMethod.REQUEST, 1, DeliveryOutcome.UNDELIVERABLE, "no address", t(9), null)));
        Collections.shuffle(rows, new java.util.Random(7));

        List<InvitationMail> mails = InvitationMail.latestPerRecipient(rows);

        assertThat(mails).extracting(InvitationMail::recipient)
                .containsExactly("ada@acme.test", "TOM@acme.test", "cal@acme.test", "not an address");
        assertThat(mails).extracting(InvitationMail::sequence).containsExactly(1, 1, 0, 1);
    }

    @Test
    void aLongDetailIsCutTo500CharactersAndABlankOneIsNone() {
        char[] longer = new char[2_000];
        Arrays.fill(longer, 'x');
        InvitationMail mail = only(row(1L, "grace@acme.test", 1, DeliveryOutcome.SENT, t(2), DeliveryStatus.SENT,
                notice(EmailStatus.BOUNCED, new String(longer), t(3))));
        assertThat(mail.detail()).hasSize(500);

        String emoji = "x".repeat(499) + "\uD83D\uDCA3" + "tail";
        assertThat(new InvitationMail("a@b.test", InviteMethod.REQUEST, 0, State.BOUNCED, t(0), emoji).detail())
                .as("never half a character").hasSize(499);
        assertThat(new InvitationMail("a@b.test", InviteMethod.REQUEST, 0, State.BOUNCED, t(0), " ").detail()).isNull();
    }
}
