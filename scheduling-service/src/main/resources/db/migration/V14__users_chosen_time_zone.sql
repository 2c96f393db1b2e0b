-- A person's zone: Google's ID tokens state none, so it can be set (PUT /api/me/time-zone; the web app sets the browser's).
-- A zone set so is kept over what a token states; until then, the token's zone when it states one, else the last kept.
ALTER TABLE users ADD COLUMN time_zone_chosen BOOLEAN NOT NULL DEFAULT false;
