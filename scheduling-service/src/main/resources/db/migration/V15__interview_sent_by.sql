-- Who sent an interview: its Cal.com booking is theirs (calcom-gateway lets only them and admins cancel or move it),
-- so schedulr offers cancelling and moving it to them and to admins. Interviews sent before are found in the audit log.
ALTER TABLE interview ADD COLUMN sent_by TEXT;
UPDATE interview i SET sent_by = (
    SELECT a.actor_id FROM audit_log a
    WHERE a.entity_type = 'interview' AND a.entity_id = i.id::text AND a.action = 'interview.sending'
    ORDER BY a.id DESC LIMIT 1)
WHERE i.origin = 'flow';
