-- Interviews (issue #15), part one: our team members, the startups we interview and their contacts. Interviews
-- (V8) reference these rows by id; nothing is ever deleted here (a member who left is deactivated), so those
-- references stay valid. Emails and startup names are unique without regard to case.

CREATE TABLE team_member (
    id             UUID PRIMARY KEY,
    name           TEXT        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    email          TEXT        NOT NULL CHECK (length(email) BETWEEN 3 AND 254),
    role           TEXT        NOT NULL CHECK (length(role) BETWEEN 1 AND 100),
    -- The member's Cal.com user, when linked: how a booking's organizer is matched to a member.
    calcom_user_id BIGINT CHECK (calcom_user_id > 0),
    active         BOOLEAN     NOT NULL DEFAULT true,
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at     TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX team_member_email_unique ON team_member (lower(email));
CREATE UNIQUE INDEX team_member_calcom_user_unique ON team_member (calcom_user_id) WHERE calcom_user_id IS NOT NULL;
CREATE INDEX team_member_by_name ON team_member (lower(name), id);

CREATE TABLE startup (
    id         UUID PRIMARY KEY,
    name       TEXT        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    website    TEXT CHECK (length(website) <= 500),
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
-- Also serves the search: ordered by lower(name), filtered by a substring of it.
CREATE UNIQUE INDEX startup_name_unique ON startup (lower(name));

CREATE TABLE startup_contact (
    id         UUID PRIMARY KEY,
    startup_id UUID        NOT NULL REFERENCES startup (id),
    name       TEXT        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    email      TEXT        NOT NULL CHECK (length(email) BETWEEN 3 AND 254),
    role       TEXT CHECK (length(role) <= 100),
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX startup_contact_email_unique ON startup_contact (startup_id, lower(email));
