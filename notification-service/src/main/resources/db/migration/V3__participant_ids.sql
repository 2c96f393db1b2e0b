-- Who may read a room's deliveries is decided by user id (the token's subject), never by email address.
ALTER TABLE delivery ADD COLUMN organizer_id TEXT;
ALTER TABLE delivery ADD COLUMN attendee_id TEXT;
CREATE INDEX delivery_room_organizer ON delivery (room_id, organizer_id);
