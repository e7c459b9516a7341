-- Keys are stored with their viewer ("u<user id>:" and the client's key,
-- store/idempotency.go), so one user's key never returns another's object.
-- The client's key keeps its limit of 200 characters; the stored one needs
-- room for the prefix.
ALTER TABLE idempotency_keys DROP CONSTRAINT idempotency_keys_key_check;
ALTER TABLE idempotency_keys ADD CONSTRAINT idempotency_keys_key_check CHECK (length(key) BETWEEN 1 AND 240);
