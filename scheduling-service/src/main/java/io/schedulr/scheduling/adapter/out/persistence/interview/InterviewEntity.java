package io.schedulr.scheduling.adapter.out.persistence.interview;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/** Row of interview (V8); the list columns hold JSON arrays as text. */
@Entity
@Table(name = "interview")
public class InterviewEntity extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(nullable = false)
    public String status;
    @Column(nullable = false)
    public String origin;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "startup_id")
    public UUID startupId;
    @Column(name = "contact_id")
    public UUID contactId;
    @Column(name = "primary_member_id")
    public UUID primaryMemberId;
    @Column(name = "additional_member_ids", nullable = false)
    public String additionalMemberIds;
    @Column(name = "event_type_id")
    public Long eventTypeId;
    @Column(name = "custom_duration", nullable = false)
    public boolean customDuration;
    @Column(name = "duration_minutes")
    public Integer durationMinutes;
    @Column(name = "start_at")
    public Instant startAt;
    @Column(name = "end_at")
    public Instant endAt;
    @Column(name = "time_zone")
    public String timeZone;
    @Column(name = "prep_notes")
    public String prepNotes;
    @Column(name = "custom_questions", nullable = false)
    public String customQuestions;
    @Column(name = "guests_saved", nullable = false)
    public boolean guestsSaved;
    @Column(name = "details_saved", nullable = false)
    public boolean detailsSaved;
    @Column(nullable = false)
    public String guests;
    public String title;
    @Column(name = "calcom_booking_uid")
    public String calcomBookingUid;
    @Column(name = "calcom_ical_uid")
    public String calcomIcalUid;
    @Column(name = "calcom_sequence")
    public Integer calcomSequence;
    @Column(name = "meeting_url")
    public String meetingUrl;
    @Column(name = "meeting_provider")
    public String meetingProvider;
    @Column(nullable = false)
    public int sequence;
    @Column(name = "awaiting_new_time", nullable = false)
    public boolean awaitingNewTime;
    @Column(name = "awaiting_host", nullable = false)
    public boolean awaitingHost;
    @Column(name = "cancellation_reason")
    public String cancellationReason;
    @Column(name = "sending_since")
    public Instant sendingSince;
    @Column(name = "sent_at")
    public Instant sentAt;
    @Column(name = "sent_by")
    public String sentBy;
    @Column(name = "calcom_host")
    public String calcomHost;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
    @Version
    public long version;
}
