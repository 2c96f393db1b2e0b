-- The clash check asks "which booked rooms of these people overlap this window"; the (person, start) btree indexes
-- answer it by walking every earlier room of a person (a host with thousands of booked rooms: thousands of rows per
-- check). A GiST index over (person, time span) finds exactly the overlapping ones. Booked rooms only.
CREATE INDEX practice_rooms_booked_host_span ON practice_rooms USING gist (host_id, tstzrange(datetime_utc, ends_at))
    WHERE guest_id IS NOT NULL;
CREATE INDEX practice_rooms_booked_guest_span ON practice_rooms USING gist (guest_id, tstzrange(datetime_utc, ends_at))
    WHERE guest_id IS NOT NULL;
