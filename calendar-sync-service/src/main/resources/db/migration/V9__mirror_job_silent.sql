-- A change of a host whose grant was revoked: announced as a mirror failure ('revoked'), so notification-service emailed
-- the participants already; once the host reconnects it is mirrored without Google mailing the guest (sendUpdates=none).
ALTER TABLE mirror_job ADD COLUMN silent BOOLEAN NOT NULL DEFAULT false;
