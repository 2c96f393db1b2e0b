package io.schedulr.scheduling.adapter.out.persistence.interview;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** Row of startup (V7). */
@Entity
@Table(name = "startup")
public class StartupEntity extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(nullable = false)
    public String name;
    public String website;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
