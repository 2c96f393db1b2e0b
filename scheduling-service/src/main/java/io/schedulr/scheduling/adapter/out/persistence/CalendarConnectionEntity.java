package io.schedulr.scheduling.adapter.out.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** Read by key only; written by the conditional upsert in {@link PanacheCalendarConnectionStore}. */
@Entity
@Table(name = "calendar_connections")
public class CalendarConnectionEntity extends PanacheEntityBase {
    @Id
    @Column(name = "user_id")
    public String userId;
    @Column(nullable = false)
    public String status;
    public String reason;
    @Column(name = "calendar_id")
    public String calendarId;
    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;
    @Column(name = "updated_at", nullable = false, insertable = false, updatable = false)
    public Instant updatedAt;
}
