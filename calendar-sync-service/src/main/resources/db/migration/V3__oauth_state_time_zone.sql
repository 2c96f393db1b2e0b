-- The person's time zone travels with the consent, so their dedicated calendar is made in it.
ALTER TABLE oauth_state ADD COLUMN time_zone TEXT;
