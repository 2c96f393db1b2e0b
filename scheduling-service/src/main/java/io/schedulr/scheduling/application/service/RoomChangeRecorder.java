package io.schedulr.scheduling.application.service;

import io.schedulr.scheduling.application.port.in.RoomDetails;
import io.schedulr.scheduling.application.port.out.AppendOutboxPort;
import io.schedulr.scheduling.application.port.out.AuditTrailPort;
import io.schedulr.scheduling.application.port.out.UserDirectoryPort;
import io.schedulr.scheduling.domain.PracticeRoom;
import io.schedulr.scheduling.domain.RoomChange;
import io.schedulr.scheduling.domain.RoomChangeType;
import io.schedulr.scheduling.domain.UserProfile;
import io.smallrye.mutiny.Uni;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.Locale;
import java.util.UUID;

/** The tail of every room write: the event into the outbox and the audit row, inside the caller's transaction. */
public class RoomChangeRecorder {
    private final UserDirectoryPort users;
    private final AppendOutboxPort outbox;
    private final AuditTrailPort audit;

    public RoomChangeRecorder(UserDirectoryPort users, AppendOutboxPort outbox, AuditTrailPort audit) {
        this.users = users;
        this.outbox = outbox;
        this.audit = audit;
    }

    /**
     * @param before    the room before the change, null for a new room
     * @param announced the room as the event shows it; for deletions, the room as it was
     */
    public Uni<RoomDetails> record(String actorId, RoomChangeType type, java.time.Instant now, PracticeRoom before,
                                   PracticeRoom announced) {
        boolean gone = type == RoomChangeType.CANCELLED || type == RoomChangeType.DELETED;
        return record(actorId, type, now, before, announced, gone ? null : announced);
    }

    /**
     * A change announced otherwise than the room is afterwards (a released booking is announced as it ends, the room
     * goes on open).
     *
     * @param after the room as stored afterwards (audited, and answered), null when it is gone
     * @return the room as it is afterwards with its people; for deletions, the room as announced
     */
    public Uni<RoomDetails> record(String actorId, RoomChangeType type, java.time.Instant now, PracticeRoom before,
                                   PracticeRoom announced, PracticeRoom after) {
        Set<String> ids = new LinkedHashSet<>();
        RoomDetails.peopleOf(announced).forEach(ids::add);
        if (after != null) {
            RoomDetails.peopleOf(after).forEach(ids::add);
        }
        return users.findAll(ids).chain(people -> {
            UserProfile host = people.get(announced.hostId());
            UserProfile guest = announced.guestId() == null ? null : people.get(announced.guestId());
            RoomChange change = new RoomChange(UUID.randomUUID(), type, now, announced, host, guest, before);
            RoomDetails details = after == null ? new RoomDetails(announced, host, guest)
                    : RoomDetails.of(after, people);
            return outbox.append(change)
                    .chain(() -> audit.record(actorId, "room." + type.name().toLowerCase(Locale.ROOT), before, after))
                    .map(ignored -> details);
        });
    }
}
