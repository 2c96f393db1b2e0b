package io.schedulr.scheduling.adapter.out.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "practice_rounds")
public class PracticeRoundEntity extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "room_id", nullable = false)
    public UUID roomId;
    @Column(name = "round_number", nullable = false)
    public int roundNumber;
    @Column(name = "candidate_id")
    public String candidateId;
    @Column(name = "case_brief_id")
    public String caseBriefId;
    public String transcript;
    public String assessment;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
