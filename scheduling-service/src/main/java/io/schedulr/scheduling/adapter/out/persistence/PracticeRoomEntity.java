package io.schedulr.scheduling.adapter.out.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/** Row of practice_rooms; {@code version} is checked by every UPDATE and DELETE (optimistic locking). */
@Entity
@Table(name = "practice_rooms")
public class PracticeRoomEntity extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "host_id", nullable = false)
    public String hostId;
    @Column(name = "guest_id")
    public String guestId;
    public String stage;
    @Column(name = "room_url", nullable = false)
    public String roomUrl;
    @Column(name = "private", nullable = false)
    public boolean privateRoom;
    @Column(name = "offered_to")
    public String offeredTo;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "datetime_utc", nullable = false)
    public Instant datetimeUtc;
    @Column(name = "ics_uid", nullable = false)
    public UUID icsUid;
    @Column(name = "ics_sequence", nullable = false)
    public int icsSequence;
    @Version
    @Column(nullable = false)
    public long version;
    @Column(name = "ends_at", nullable = false)
    public Instant endsAt;
    @Column(name = "earlier_event_may_show", nullable = false)
    public boolean earlierEventMayShow;
}
