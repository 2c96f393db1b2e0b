package io.schedulr.calendarsync.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Objects;

/**
 * An interview on one team member's dedicated calendar: what it should show (the latest change taken in) and what Google
 * shows as far as we know. The Google event id is derived from the interview id, so a retry, a redelivery or a lost
 * answer never makes a second event.
 *
 * @param memberId     the member's Google account id ({@code sub}), the key of their calendar connection
 * @param memberEmail  the address they took part under (how a member without a user id is found again)
 * @param calendarId   where the event was put; null until it was
 * @param sequence     the interview's SEQUENCE the wanted state comes from
 * @param shown        wanted on the calendar (false: the interview was cancelled, or the member left it)
 * @param tentative    its Cal.com booking waits for the host's confirmation: Google shows the event as tentative
 * @param applied      what Google shows as far as we know: null (never written), SHOWN or REMOVED
 * @param appliedSequence the SEQUENCE Google shows (−1 when never written)
 */
public record InterviewEntry(String interviewId, String memberId, String memberEmail, String calendarId, int sequence, boolean shown,
                             String summary, String description, String location, Instant startUtc, Instant endUtc, String timeZone,
                             String icsUid, boolean tentative, Applied applied, int appliedSequence) {

    public enum Applied { SHOWN, REMOVED }

    public InterviewEntry {
        Objects.requireNonNull(interviewId, "interviewId");
        Objects.requireNonNull(memberId, "memberId");
        Objects.requireNonNull(startUtc, "startUtc");
        Objects.requireNonNull(endUtc, "endUtc");
    }

    /** The member's entry for the change: shown, or taken off when the change drops the meeting. */
    public static InterviewEntry wanted(InterviewChange change, String memberId, String memberEmail, String timeZone, InterviewEntry before) {
        return new InterviewEntry(change.interviewId(), memberId, memberEmail, before == null ? null : before.calendarId, change.sequence(),
                !change.cancels(), change.title(), change.description(), change.meetingUrl(), change.startUtc(), change.endUtc(),
                timeZone == null || timeZone.isBlank() ? change.timeZone() : timeZone, change.icsUid(),
                change.tentative(), before == null ? null : before.applied, before == null ? -1 : before.appliedSequence);
    }

    /** The member left the interview: the event goes from their calendar. */
    public InterviewEntry left(int atSequence) {
        return new InterviewEntry(interviewId, memberId, memberEmail, calendarId, atSequence, false, summary, description, location, startUtc,
                endUtc, timeZone, icsUid, tentative, applied, appliedSequence);
    }

    /** Google now shows what is wanted. */
    public InterviewEntry written(String onCalendar) {
        return new InterviewEntry(interviewId, memberId, memberEmail, onCalendar, sequence, shown, summary, description, location, startUtc,
                endUtc, timeZone, icsUid, tentative, shown ? Applied.SHOWN : Applied.REMOVED, sequence);
    }

    /** Nothing to take off: the event was never written (or is gone already). */
    public boolean nothingToRemove() {
        return !shown && applied != Applied.SHOWN;
    }

    public String googleEventId() {
        return googleEventIdOf(interviewId);
    }

    /**
     * {@code iv} + the base32hex (RFC 4648 §7, lower case, unpadded) SHA-256 of the interview id: 54 characters of
     * a–v and 0–9, as Google's client-chosen event ids must be (5–1024 of them); the same interview always gets the same id
     * (per calendar, so each member's copy carries it).
     */
    public static String googleEventIdOf(String interviewId) {
        byte[] digest;
        try {
            digest = MessageDigest.getInstance("SHA-256").digest(("schedulr-interview:" + interviewId).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
        String alphabet = "0123456789abcdefghijklmnopqrstuv";
        StringBuilder id = new StringBuilder("iv");
        int buffer = 0;
        int bits = 0;
        for (byte b : digest) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                id.append(alphabet.charAt((buffer >> (bits - 5)) & 31));
                bits -= 5;
            }
        }
        if (bits > 0) {
            id.append(alphabet.charAt((buffer << (5 - bits)) & 31));
        }
        return id.toString();
    }
}
