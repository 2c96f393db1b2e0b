-- The guest reads a room's deliveries too (by user id, like the host).
CREATE INDEX delivery_room_attendee ON delivery (room_id, attendee_id);
