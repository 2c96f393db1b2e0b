-- A private room may be offered to one person (a user id, the token's sub): besides the participants, the only one
-- who sees it and may book it. Not a foreign key: the person may not have signed in yet.
ALTER TABLE practice_rooms ADD COLUMN offered_to TEXT CHECK (length(offered_to) BETWEEN 1 AND 255);
ALTER TABLE practice_rooms ADD CONSTRAINT room_offer_is_private CHECK (offered_to IS NULL OR private);
CREATE INDEX practice_rooms_offered ON practice_rooms (offered_to, datetime_utc) WHERE guest_id IS NULL AND offered_to IS NOT NULL;
