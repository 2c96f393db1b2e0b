package io.schedulr.scheduling.adapter.out.persistence.interview;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** Row of team_member (V7). */
@Entity
@Table(name = "team_member")
public class TeamMemberEntity extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(nullable = false)
    public String name;
    @Column(nullable = false)
    public String email;
    @Column(nullable = false)
    public String role;
    @Column(name = "calcom_user_id")
    public Long calcomUserId;
    @Column(nullable = false)
    public boolean active;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
