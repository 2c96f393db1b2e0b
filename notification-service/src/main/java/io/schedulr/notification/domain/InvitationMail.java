package io.schedulr.notification.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What became of the latest invitation mail of an interview to one address, as its page shows it: summarised from the
 * interview's audit rows ({@link #latestPerRecipient}).
 *
 * @param recipient the address as the latest row of that mail spells it
 * @param method    the mail's iTIP method
 * @param sequence  the iCalendar SEQUENCE the mail carries
 * @param state     where it stands
 * @param at        when that last changed: the latest of the mail's attempt times and of its provider notices' receipt
 * @param detail    why, where there is a reason (the error of a failed attempt, the provider's diagnostic); null otherwise,
 *                  at most {@value #MAX_DETAIL} characters
 */
public record InvitationMail(String recipient, InviteMethod method, int sequence, State state, Instant at, String detail) {
    public static final int MAX_DETAIL = 500;

    /**
     * Rows that mean "no new mail": nobody was (or will be) mailed for them, so they do not make a mail of their own (the
     * mail a SUPERSEDED row replaced is left out by its delivery's status, {@link DeliveryStatus#SUPERSEDED}).
     */
    static final Set<DeliveryOutcome> NO_NEW_MAIL = EnumSet.of(DeliveryOutcome.SUPERSEDED, DeliveryOutcome.SKIPPED_STALE,
            DeliveryOutcome.SKIPPED_DUPLICATE, DeliveryOutcome.SKIPPED_NOTHING_NEW);

    /** Where a mail stands, from its delivery's status and what the mail provider reported about it. */
    public enum State {
        /** Queued, not tried yet. */
        WAITING,
        /** Failed at least once; tried again later (the detail says why the last try failed). */
        RETRYING,
        /** Accepted by our SMTP server; the mail provider has reported nothing about it (yet). */
        SENT,
        /** The provider reports it reached the mailbox. */
        DELIVERED,
        /** The provider reports it is delayed (a deferral); it may still arrive. */
        DELAYED,
        /** The provider reports a bounce or a rejection: it did not arrive. */
        BOUNCED,
        /** The recipient marked it as spam. */
        COMPLAINED,
        /** No mail can be made for this address (e.g. it is no address); nothing is sent. */
        UNDELIVERABLE,
        /** Not mailed by us: Google invites this person (the host's calendar is connected). */
        LEFT_TO_GOOGLE
    }

    public InvitationMail {
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(state, "state");
        detail = cut(detail);
    }

    /**
     * One entry per address (compared without regard to case) that was mailed, or meant to be: the latest mail to it.
     * Rows meaning "no new mail" ({@link #NO_NEW_MAIL}) are not mails; a delivery that was superseded before it went out
     * is none either, and an address with nothing else is left out. A mail is a delivery (its rows, by delivery id) or,
     * without one, a row alone (an address no mail can be made for); the latest is the one recorded last (highest first
     * attempt id, which for deliveries is the order of their ids). Ordered by when each address was first mailed.
     *
     * @param rows the interview's audit rows, in any order
     */
    public static List<InvitationMail> latestPerRecipient(List<DeliveryAttemptRecord> rows) {
        List<DeliveryAttemptRecord> sorted = rows.stream().sorted(Comparator.comparingLong(DeliveryAttemptRecord::attemptId)).toList();
        Map<String, List<DeliveryAttemptRecord>> byAddress = new LinkedHashMap<>();
        for (DeliveryAttemptRecord row : sorted) {
            if (row.recipient() != null && !NO_NEW_MAIL.contains(row.outcome())) {
                byAddress.computeIfAbsent(row.recipient().toLowerCase(Locale.ROOT), a -> new ArrayList<>()).add(row);
            }
        }
        List<InvitationMail> mails = new ArrayList<>();
        for (List<DeliveryAttemptRecord> ofAddress : byAddress.values()) {
            Map<Object, List<DeliveryAttemptRecord>> byMail = new LinkedHashMap<>();
            for (DeliveryAttemptRecord row : ofAddress) {
                byMail.computeIfAbsent(row.deliveryId() != null ? (Object) row.deliveryId() : "attempt " + row.attemptId(),
                        k -> new ArrayList<>()).add(row);
            }
            // in order of each mail's first row; the last one not superseded is the latest mail
            byMail.values().stream().filter(mail -> status(mail) != DeliveryStatus.SUPERSEDED)
                    .reduce((earlier, later) -> later)
                    .ifPresent(latest -> mails.add(of(latest)));
        }
        return List.copyOf(mails);
    }

    /** The mail made of one delivery's rows (or one row without a delivery), oldest first. */
    private static InvitationMail of(List<DeliveryAttemptRecord> rows) {
        DeliveryAttemptRecord last = rows.get(rows.size() - 1);
        Instant at = null;
        for (DeliveryAttemptRecord row : rows) {
            at = later(at, row.attemptedAt());
            for (DeliveryAttemptRecord.StatusNotice notice : row.notices()) {
                at = later(at, notice.receivedAt());
            }
        }
        DeliveryStatus status = status(rows);
        State state;
        String detail = null;
        if (status == null) {
            state = byOutcome(last.outcome());
            detail = state == State.RETRYING || state == State.UNDELIVERABLE ? lastError(rows, last.outcome()) : null;
        } else {
            switch (status) {
                case PARKED -> {
                    state = State.RETRYING;
                    detail = lastError(rows, DeliveryOutcome.FAILED);
                }
                case SENT -> {
                    DeliveryAttemptRecord.StatusNotice notice = latestNotice(rows);
                    state = notice == null ? State.SENT : switch (notice.status()) {
                        case BOUNCED, REJECTED -> State.BOUNCED;
                        case COMPLAINED -> State.COMPLAINED;
                        case DELIVERED -> State.DELIVERED;
                        case DEFERRED -> State.DELAYED;
                    };
                    detail = notice == null ? null : notice.detail();
                }
                case UNDELIVERABLE -> {
                    state = State.UNDELIVERABLE;
                    detail = lastError(rows, DeliveryOutcome.UNDELIVERABLE);
                }
                case LEFT_TO_GOOGLE -> state = State.LEFT_TO_GOOGLE;
                // PENDING; SUPERSEDED never comes here (left out above)
                default -> state = State.WAITING;
            }
        }
        return new InvitationMail(last.recipient(), last.method(), last.sequence(), state, at, detail);
    }

    /** The delivery's status now (the same on each of its rows); null for a row without a delivery. */
    private static DeliveryStatus status(List<DeliveryAttemptRecord> rows) {
        return rows.get(rows.size() - 1).deliveryStatus();
    }

    /** A row without a delivery (or whose delivery is gone) stands for what it records. */
    private static State byOutcome(DeliveryOutcome outcome) {
        return switch (outcome) {
            case SENT -> State.SENT;
            case FAILED -> State.RETRYING;
            case UNDELIVERABLE -> State.UNDELIVERABLE;
            case LEFT_TO_GOOGLE -> State.LEFT_TO_GOOGLE;
            default -> State.WAITING;
        };
    }

    /** The error of the latest row of that outcome; null when there is none. */
    private static String lastError(List<DeliveryAttemptRecord> rows, DeliveryOutcome outcome) {
        for (int i = rows.size() - 1; i >= 0; i--) {
            if (rows.get(i).outcome() == outcome) {
                return rows.get(i).error();
            }
        }
        return null;
    }

    /** The notice received last (the later one recorded on a tie); null when the provider reported nothing. */
    private static DeliveryAttemptRecord.StatusNotice latestNotice(List<DeliveryAttemptRecord> rows) {
        DeliveryAttemptRecord.StatusNotice latest = null;
        for (DeliveryAttemptRecord row : rows) {
            for (DeliveryAttemptRecord.StatusNotice notice : row.notices()) {
                if (latest == null || latest.receivedAt() == null
                        || notice.receivedAt() != null && !notice.receivedAt().isBefore(latest.receivedAt())) {
                    latest = notice;
                }
            }
        }
        return latest;
    }

    private static Instant later(Instant a, Instant b) {
        return a == null ? b : b == null || !b.isAfter(a) ? a : b;
    }

    /** At most {@value #MAX_DETAIL} characters, never half a surrogate pair; blank is none. */
    private static String cut(String detail) {
        if (detail == null || detail.isBlank()) {
            return null;
        }
        if (detail.length() <= MAX_DETAIL) {
            return detail;
        }
        int end = Character.isHighSurrogate(detail.charAt(MAX_DETAIL - 1)) ? MAX_DETAIL - 1 : MAX_DETAIL;
        return detail.substring(0, end);
    }
}
