-- A booked slot now moves with its room (the session it became), so it may end up anywhere its room may: beside or
-- over other times of the host, as rooms can with the host's consent. Only open slots — what the host offers — must
-- never overlap one another. Offering a time the host already has a session at is refused by the clash check.
ALTER TABLE slots DROP CONSTRAINT slots_of_a_host_do_not_overlap;
ALTER TABLE slots ADD CONSTRAINT open_slots_of_a_host_do_not_overlap EXCLUDE USING gist (
    host_id WITH =,
    tstzrange(start_ts, end_ts, '[)') WITH &&
) WHERE (status = 'open');
