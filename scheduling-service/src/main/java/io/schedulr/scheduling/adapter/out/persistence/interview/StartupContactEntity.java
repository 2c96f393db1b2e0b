package io.schedulr.scheduling.adapter.out.persistence.interview;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** Row of startup_contact (V7). */
@Entity
@Table(name = "startup_contact")
public class StartupContactEntity extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "startup_id", nullable = false, updatable = false)
    public UUID startupId;
    @Column(nullable = false)
    public String name;
    @Column(nullable = false)
    public String email;
    public String role;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
