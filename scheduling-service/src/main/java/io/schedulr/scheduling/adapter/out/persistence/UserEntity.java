package io.schedulr.scheduling.adapter.out.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

@Entity
@Table(name = "users")
public class UserEntity extends PanacheEntityBase {
    @Id
    public String id;
    @Column(nullable = false)
    public String email;
    @Column(name = "display_name", nullable = false)
    public String displayName;
    @Column(name = "time_zone", nullable = false)
    public String timeZone;
    @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
    public Instant createdAt;
    @Column(name = "updated_at", nullable = false, insertable = false, updatable = false)
    public Instant updatedAt;
}
