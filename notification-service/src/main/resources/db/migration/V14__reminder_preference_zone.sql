-- The zone a person chose in schedulr (scheduling-service's PUT /api/me/time-zone), which their reminders are written in;
-- null when they never chose one: each session's zone, as its event gave it, stays.
ALTER TABLE reminder_preference ADD COLUMN time_zone TEXT;
