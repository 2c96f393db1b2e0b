package io.schedulr.scheduling.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * A practice session a host offers at a time. Once a guest books it, both get a calendar invitation whose
 * UID ({@code icsUid}) never changes and whose SEQUENCE ({@code icsSequence}) rises with every change.
 *
 * @param endsAt the end when the room came from an availability slot; null means "start + the default session length"
 */
public record PracticeRoom(
        UUID id,
        String hostId,
        String guestId,
        String stage,
        String roomUrl,
        boolean privateRoom,
        Instant createdAt,
        Instant datetimeUtc,
        UUID icsUid,
        int icsSequence,
        long version,
        Instant endsAt) {

    public boolean isBooked() {
        return guestId != null;
    }

    public boolean isHost(String userId) {
        return hostId.equals(userId);
    }

    public boolean isParticipant(String userId) {
        return isHost(userId) || userId.equals(guestId);
    }

    /** Moves the session; a real move raises the invitation SEQUENCE so calendars take the update. */
    public PracticeRoom rescheduledTo(Instant newStart) {
        if (newStart.equals(datetimeUtc)) {
            return this;
        }
        return new PracticeRoom(id, hostId, guestId, stage, roomUrl, privateRoom, createdAt, newStart, icsUid, icsSequence + 1, version,
                endsAt == null ? null : endsAt.plus(java.time.Duration.between(datetimeUtc, newStart)));
    }

    public PracticeRoom withPrivacy(boolean isPrivate) {
        return new PracticeRoom(id, hostId, guestId, stage, roomUrl, isPrivate, createdAt, datetimeUtc, icsUid, icsSequence, version, endsAt);
    }

    public PracticeRoom withStage(String newStage) {
        return new PracticeRoom(id, hostId, guestId, newStage, roomUrl, privateRoom, createdAt, datetimeUtc, icsUid, icsSequence, version, endsAt);
    }

    public PracticeRoom bookedBy(String newGuestId) {
        return new PracticeRoom(id, hostId, newGuestId, stage, roomUrl, privateRoom, createdAt, datetimeUtc, icsUid, icsSequence, version, endsAt);
    }

    /** The room as stored by a write that started from this version. */
    public PracticeRoom nextVersion() {
        return new PracticeRoom(id, hostId, guestId, stage, roomUrl, privateRoom, createdAt, datetimeUtc, icsUid, icsSequence, version + 1, endsAt);
    }

    /** The room as its cancellation is announced: a CANCEL must carry a SEQUENCE above the last REQUEST. */
    public PracticeRoom cancelled() {
        return new PracticeRoom(id, hostId, guestId, stage, roomUrl, privateRoom, createdAt, datetimeUtc, icsUid, icsSequence + 1, version, endsAt);
    }
}
