-- The audit log names who made each change: the signed-in user's e-mail
-- (already in actor), id and role, or a named non-person ('system' for the
-- server's own jobs and the seed, 'cli' for an operator's command), with
-- actor_user_id and actor_role left NULL. Entries written before sign-in
-- existed keep an empty actor.
--
-- No foreign key to users: the log must outlive whatever it describes, and
-- it names the actor by e-mail as it was at the time.

ALTER TABLE audit_entries
    ADD COLUMN actor_user_id bigint,
    ADD COLUMN actor_role    text CHECK (actor_role IN ('DIRECTOR', 'MANAGER', 'DEALER', 'ANALYST')),
    ADD CONSTRAINT audit_entries_role_iff_user CHECK ((actor_user_id IS NULL) = (actor_role IS NULL));

-- auditLog lists newest first, keyset-paginated on (at, id).
CREATE INDEX audit_entries_at_idx ON audit_entries (at DESC, id DESC);
-- Everything one person did, by account or by the name in the log.
CREATE INDEX audit_entries_actor_user_idx ON audit_entries (actor_user_id) WHERE actor_user_id IS NOT NULL;
CREATE INDEX audit_entries_actor_idx ON audit_entries (actor, at DESC, id DESC);
CREATE INDEX audit_entries_action_idx ON audit_entries (action, at DESC, id DESC);

-- The log is append-only: the database refuses to rewrite history.
CREATE FUNCTION audit_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the audit log is append-only' USING ERRCODE = 'check_violation';
END $$;
CREATE TRIGGER audit_entries_no_update BEFORE UPDATE OR DELETE ON audit_entries
    FOR EACH ROW EXECUTE FUNCTION audit_entries_append_only();
