-- The interview's Cal.com booking waits for its host's confirmation: the member's Google event shows it as tentative.
ALTER TABLE interview_mirror_entry ADD COLUMN tentative BOOLEAN NOT NULL DEFAULT false;
