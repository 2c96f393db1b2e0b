package io.schedulr.scheduling.adapter.out.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** Read by key only; written by the upsert in {@link PanachePreferencesStore}. */
@Entity
@Table(name = "user_preferences")
public class UserPreferencesEntity extends PanacheEntityBase {
    @Id
    @Column(name = "user_id")
    public String userId;
    @Column(name = "reminder_minutes", nullable = false)
    public Integer[] reminderMinutes;
    @Column(name = "reminder_channel", nullable = false)
    public String reminderChannel;
    @Column(name = "updated_at", nullable = false, insertable = false, updatable = false)
    public Instant updatedAt;
}
