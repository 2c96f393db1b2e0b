-- Google's `updated` of a room's event as our last insert or move left it. A sync whose listing was read before that write
-- is not taken as a person's change of the event (RoomMirror.listedBeforeOurLastWrite).
ALTER TABLE room_mirror ADD COLUMN event_updated timestamptz;
