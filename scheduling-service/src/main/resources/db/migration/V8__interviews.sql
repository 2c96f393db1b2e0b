-- Interviews (issue 15): the system of record of the interview domain. One row per interview; its ordered lists
-- (additional team members, custom questions, guests) are JSON arrays (text) in the row, read and written with it.
CREATE TABLE interview (
    id                      UUID PRIMARY KEY,
    status                  TEXT        NOT NULL CHECK (status IN ('draft', 'scheduled', 'confirmed', 'cancelled')),
    origin                  TEXT        NOT NULL CHECK (origin IN ('flow', 'calcom')),
    created_by              TEXT,
    startup_id              UUID REFERENCES startup (id),
    contact_id              UUID REFERENCES startup_contact (id),
    primary_member_id       UUID REFERENCES team_member (id),
    additional_member_ids   TEXT        NOT NULL DEFAULT '[]',
    event_type_id           BIGINT,
    custom_duration         BOOLEAN     NOT NULL DEFAULT false,
    duration_minutes        INTEGER,
    start_at                TIMESTAMPTZ,
    end_at                  TIMESTAMPTZ,
    time_zone               TEXT,
    prep_notes              TEXT,
    custom_questions        TEXT        NOT NULL DEFAULT '[]',
    guests_saved            BOOLEAN     NOT NULL DEFAULT false,
    details_saved           BOOLEAN     NOT NULL DEFAULT false,
    guests                  TEXT        NOT NULL DEFAULT '[]',
    title                   TEXT,
    calcom_booking_uid      TEXT,
    calcom_ical_uid         TEXT,
    calcom_sequence         INTEGER,
    meeting_url             TEXT,
    meeting_provider        TEXT,
    sequence                INTEGER     NOT NULL DEFAULT 0,
    awaiting_new_time       BOOLEAN     NOT NULL DEFAULT false,
    cancellation_reason     TEXT,
    sending_since           TIMESTAMPTZ,
    sent_at                 TIMESTAMPTZ,
    calcom_host             TEXT,
    created_at              TIMESTAMPTZ NOT NULL,
    updated_at              TIMESTAMPTZ NOT NULL,
    version                 BIGINT      NOT NULL DEFAULT 0,
    CHECK (end_at IS NULL OR end_at > start_at)
);

-- A Cal.com meeting belongs to one interview at most: webhooks find it by the meeting's iCalendar UID.
CREATE UNIQUE INDEX interview_calcom_ical_uid ON interview (calcom_ical_uid) WHERE calcom_ical_uid IS NOT NULL;
CREATE INDEX interview_calcom_booking_uid ON interview (calcom_booking_uid) WHERE calcom_booking_uid IS NOT NULL;
CREATE INDEX interview_created_by ON interview (created_by, status);
CREATE INDEX interview_primary_member ON interview (primary_member_id);
CREATE INDEX interview_status_start ON interview (status, start_at);
