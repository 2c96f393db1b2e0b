-- The worker's claim orders the due jobs by (next_attempt_at, id). With the index on next_attempt_at alone, PostgreSQL
-- sorts every due job that shares the first one's time by id before it can take one: jobs queued at one instant (a
-- burst, a fixed clock) made a claim over 40,000 such jobs take ~105 ms, against ~0.2 ms with both columns in the index
-- (docs/performance.md, "The mirror worker's claim").
DROP INDEX mirror_job_due;
CREATE INDEX mirror_job_due ON mirror_job (next_attempt_at, id) WHERE status = 'pending';
