-- A guest can leave a booking (declined in Google): the meeting's event goes, and a later booking of the room is a new
-- meeting with its own invitation UID. The guest's id is kept so a decline seen in Google can name who left.
ALTER TABLE mirror_job DROP CONSTRAINT mirror_job_kind_check;
ALTER TABLE mirror_job ADD CONSTRAINT mirror_job_kind_check CHECK (kind IN ('booked', 'rescheduled', 'cancelled', 'released'));
ALTER TABLE mirror_job ADD COLUMN guest_id TEXT;
ALTER TABLE room_mirror ADD COLUMN guest_id TEXT;
-- the guest's decline was seen and sent to scheduling-service once
ALTER TABLE room_mirror ADD COLUMN release_asked BOOLEAN NOT NULL DEFAULT false;
