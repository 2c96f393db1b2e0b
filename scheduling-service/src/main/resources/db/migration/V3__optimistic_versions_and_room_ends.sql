-- Every room has an end. Rooms made before this migration without one ended after the default session length.
UPDATE practice_rooms SET ends_at = datetime_utc + interval '60 minutes' WHERE ends_at IS NULL;
ALTER TABLE practice_rooms ALTER COLUMN ends_at SET NOT NULL;
ALTER TABLE practice_rooms ADD CONSTRAINT room_ends_after_start CHECK (ends_at > datetime_utc);

-- Slots are changed with an optimistic version check, like rooms.
ALTER TABLE slots ADD COLUMN version BIGINT NOT NULL DEFAULT 0;
