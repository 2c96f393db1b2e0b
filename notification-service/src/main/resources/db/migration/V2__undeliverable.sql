-- A delivery whose stored data cannot make a mail (e.g. a date out of range) is set aside with the reason instead of
-- failing every dispatch round for everybody.
ALTER TABLE delivery DROP CONSTRAINT delivery_status_check;
ALTER TABLE delivery ADD CONSTRAINT delivery_status_check
    CHECK (status IN ('PENDING', 'PARKED', 'SENT', 'SUPERSEDED', 'UNDELIVERABLE'));
