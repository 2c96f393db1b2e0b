-- What an interview's last REQUEST showed (start, end, join link), so that Cal.com confirming the interview at that time
-- and with that link mails only its team: the contact and guests were told all of it already (SKIPPED_NOTHING_NEW).
-- NULL for states kept before this migration: then everyone is mailed, as before.
ALTER TABLE interview_state ADD COLUMN told_start TIMESTAMPTZ, ADD COLUMN told_end TIMESTAMPTZ, ADD COLUMN told_join_link TEXT;

ALTER TABLE delivery_attempt DROP CONSTRAINT delivery_attempt_outcome_check;
ALTER TABLE delivery_attempt ADD CONSTRAINT delivery_attempt_outcome_check
    CHECK (outcome IN ('QUEUED', 'SENT', 'FAILED', 'SUPERSEDED', 'SKIPPED_STALE', 'LEFT_TO_GOOGLE', 'SKIPPED_DUPLICATE', 'UNDELIVERABLE',
                       'SKIPPED_NOTHING_NEW'));
