-- Each audit row names its meeting (invitation UID), so a host or guest reads only the meetings they were in: after a
-- guest leaves, the next booking of the room is a new meeting, and the two guests never see each other's rows.
ALTER TABLE delivery_attempt ADD COLUMN ics_uid TEXT;
UPDATE delivery_attempt a SET ics_uid = d.ics_uid FROM delivery d WHERE d.id = a.delivery_id;
CREATE INDEX delivery_attempt_meeting ON delivery_attempt (room_id, ics_uid);
