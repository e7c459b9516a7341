-- Idempotent writes with the semantics of Stripe and of the IETF
-- Idempotency-Key draft: a key remembers a hash of the request it came
-- with and the response it got, written in the mutation's own
-- transaction. The same key with the same request replays the response;
-- with another request it is refused. Rows written before this migration
-- have neither and are answered by result_id as before.
ALTER TABLE idempotency_keys
    ADD COLUMN request_hash text,
    ADD COLUMN response     jsonb;
