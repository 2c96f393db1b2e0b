-- The sender's claim takes the waiting deliveries (pending or parked, due) in id order. Without an index of just those
-- rows, PostgreSQL walks the primary key through every delivery ever sent to find them once many are due: 100,000 sent
-- and a burst of 5,000 due made each claim take 62-204 ms, against 0.1 ms with this index (docs/performance.md,
-- "The sender's claim").
CREATE INDEX delivery_waiting ON delivery (id) WHERE status IN ('PENDING', 'PARKED');
