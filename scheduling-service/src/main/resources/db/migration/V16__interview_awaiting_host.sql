-- Cal.com answered the interview's booking "pending": its event type needs a host to confirm it, and the interview says so
-- until Cal.com confirms or declines it.
ALTER TABLE interview ADD COLUMN awaiting_host BOOLEAN NOT NULL DEFAULT false;
