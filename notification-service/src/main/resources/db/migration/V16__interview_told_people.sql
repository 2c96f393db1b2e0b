-- Everyone an interview's last REQUEST named, so that one a later REQUEST no longer names (a corrected address's old one)
-- is sent a CANCEL: [{"id", "email", "name", "timeZone"}]. Empty for states kept before this migration: nobody is.
ALTER TABLE interview_state ADD COLUMN told_people JSONB NOT NULL DEFAULT '[]';
