-- Our last insert or move of a room's Google event: when, by our clock, and the event's `updated` as Google answered it.
-- A sync whose listing was read before that write is not taken as a person's change of the event (RoomMirror.LastWrite).
ALTER TABLE room_mirror ADD COLUMN written_at timestamptz, ADD COLUMN event_updated timestamptz;
