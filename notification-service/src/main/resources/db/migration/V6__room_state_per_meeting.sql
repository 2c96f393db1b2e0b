-- A room's meetings: when the guest leaves (io.schedulr.room.released.v1) the room is open again under a new invitation
-- UID, and a later booking is a new meeting whose SEQUENCE starts again. What people were told is kept per meeting,
-- (room id, UID), so the new meeting is never taken for an older change of the released one.
ALTER TABLE room_state ADD COLUMN ics_uid TEXT;

-- Until now a room had one UID for its whole life: the one its deliveries carry.
UPDATE room_state s SET ics_uid = d.ics_uid
FROM (SELECT DISTINCT ON (room_id) room_id, ics_uid FROM delivery ORDER BY room_id, id DESC) d
WHERE d.room_id = s.room_id;

-- A state without any delivery row cannot be told apart (every applied change leaves one); nothing guards it anyway.
DELETE FROM room_state WHERE ics_uid IS NULL;

ALTER TABLE room_state DROP CONSTRAINT room_state_pkey;
ALTER TABLE room_state ADD PRIMARY KEY (room_id, ics_uid);

-- "already emailed for this change" and "older unsent deliveries of the meeting" look a meeting's rows up.
CREATE INDEX delivery_meeting_change ON delivery (room_id, ics_uid, sequence, method);
