package io.schedulr.scheduling.adapter.out.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.UUID;

/** Row of slots; {@code version} is checked by every UPDATE (optimistic locking). */
@Entity
@Table(name = "slots")
public class SlotEntity extends PanacheEntityBase {
    /** Labels of the PostgreSQL enum type {@code slot_status}. */
    public enum Status {
        open, booked, cancelled
    }

    @Id
    public UUID id;
    @Column(name = "host_id", nullable = false, updatable = false)
    public String hostId;
    @Column(name = "start_ts", nullable = false)
    public Instant startTs;
    @Column(name = "end_ts", nullable = false)
    public Instant endTs;
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.NAMED_ENUM)
    @Column(nullable = false, columnDefinition = "slot_status")
    public Status status;
    @Column(name = "room_id")
    public UUID roomId;
    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
    @Version
    @Column(nullable = false)
    public long version;
}
