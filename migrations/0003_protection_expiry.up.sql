-- The protection-expiry job's bookkeeping: when the rules last took note
-- that a registration's protection had ended. A deal whose protected_until
-- has passed and whose protection_expired_at is still NULL is due: its
-- customer must be re-evaluated (DUPLICATE_REGISTRATION and DIRECT_BYPASS
-- conflicts that rested on the protection close, new ones may open). Any
-- evaluation of the customer at a later instant sets it, so the job never
-- redoes work a mutation already did.
ALTER TABLE deals ADD COLUMN protection_expired_at timestamptz;

-- The job's queue: open registrations whose protection has not been
-- processed yet, in the order they fall due.
CREATE INDEX deals_protection_due_idx ON deals (protected_until)
    WHERE protection_expired_at IS NULL AND protected_until IS NOT NULL
      AND stage IN ('PENDING_APPROVAL', 'REGISTERED', 'QUOTED');

-- Every evaluation probes conflicts_customer_ids_gin once per customer it
-- judges. With GIN's fast update the rows inserted since the last vacuum
-- sit in a pending list that every probe scans from end to end; while a
-- re-evaluation fills the board (13,000 new conflicts for scale-1) that
-- made the probes, not the rules, most of its time. Inserts pay a little
-- more to keep the probes flat.
ALTER INDEX conflicts_customer_ids_gin SET (fastupdate = off);
ALTER INDEX conflicts_deal_ids_gin SET (fastupdate = off);
ALTER INDEX conflicts_dealer_ids_gin SET (fastupdate = off);
