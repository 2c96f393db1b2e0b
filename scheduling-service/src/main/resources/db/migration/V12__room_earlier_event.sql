-- A room whose guest left keeps its time while calendar-sync-service deletes that booking's Google event: until then the
-- host's calendar still shows it, and the next booking's clash check must not take it for a clash with the room itself.
ALTER TABLE practice_rooms ADD COLUMN earlier_event_may_show BOOLEAN NOT NULL DEFAULT FALSE;
