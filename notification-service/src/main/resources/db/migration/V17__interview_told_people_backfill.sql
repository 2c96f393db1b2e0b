-- Interviews last told before V16 (told_people empty, the last change a REQUEST): whom that REQUEST named, from its
-- delivery rows (each holds everyone the change named, in its interview column), so that a corrected address's old one
-- gets its CANCEL for these interviews too. Extra fields of those entries (kind, role, company) are not read.
UPDATE interview_state s
SET told_people = d.people
FROM (SELECT DISTINCT ON (room_id) room_id, sequence, interview -> 'people' AS people
      FROM delivery
      WHERE method = 'REQUEST' AND interview IS NOT NULL AND room_id LIKE 'interview:%'
      ORDER BY room_id, sequence DESC, id DESC) d
WHERE d.room_id = 'interview:' || s.interview_id
  AND d.sequence = s.last_sequence
  AND NOT s.cancelled
  AND s.told_people = '[]'::jsonb
  AND jsonb_typeof(d.people) = 'array';
