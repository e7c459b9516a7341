-- Who may see what, enforced a second time by PostgreSQL (the resolvers
-- are the first): row-level security on every table of the domain.
--
-- How a request reads:
--   * A viewer's reads run in a read-only transaction that switches to a
--     role made for them with SET LOCAL ROLE (channelboard_staff for the
--     director, managers and analysts, channelboard_dealer for dealer
--     users) and names the viewer with set_config(..., true). Both are
--     transaction-local, so nothing outlives the transaction on a pooled
--     connection. Neither role owns anything, is a superuser or bypasses
--     row security (store/access_test.go asserts it).
--   * Policies read the viewer back with nullif(current_setting(..., true),
--     '') inside (SELECT ...), evaluated once per statement, not per row.
--     With no viewer named, they show nothing.
--   * Trusted work that must see across dealers to do its job (the
--     conflict engine, the registration of a deal it then judges, sign-in
--     lookups, expiry, the feed's reader, seeding and imports) runs as the
--     role that ran the migrations, after the application checked the
--     caller. Row security is FORCEd, so that role too passes through a
--     policy, one that allows everything.
--
-- A dealer reaches a customer it owns or registered a deal for. That set is
-- kept on the customer as dealer_ids (GIN-indexed), so the policy is one
-- index condition instead of a subquery over deals per customer.

ALTER TABLE customers ADD COLUMN dealer_ids bigint[] NOT NULL DEFAULT '{}';

CREATE FUNCTION customer_dealer_ids(customer bigint, owner bigint) RETURNS bigint[]
LANGUAGE sql STABLE AS $$
    SELECT coalesce(array_agg(x ORDER BY x), '{}')
    FROM (SELECT dealer_id AS x FROM deals WHERE customer_id = customer AND dealer_id IS NOT NULL
          UNION
          SELECT owner WHERE owner IS NOT NULL) s
$$;

-- Filled set-wise: one pass over deals, not a lookup per customer.
WITH pairs AS (
    SELECT customer_id AS id, dealer_id AS dealer FROM deals WHERE dealer_id IS NOT NULL
    UNION
    SELECT id, owner_dealer_id FROM customers WHERE owner_dealer_id IS NOT NULL)
UPDATE customers c SET dealer_ids = p.ids
FROM (SELECT id, array_agg(dealer ORDER BY dealer) AS ids FROM pairs GROUP BY id) p
WHERE c.id = p.id;
CREATE INDEX customers_dealer_ids_gin ON customers USING gin (dealer_ids);

-- A new customer has no deals yet: its owner is all. An owner change
-- recomputes the set (a former owner that registered deals keeps seeing it).
CREATE FUNCTION customers_dealer_ids_row() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        NEW.dealer_ids := CASE WHEN NEW.owner_dealer_id IS NULL THEN '{}'::bigint[] ELSE ARRAY[NEW.owner_dealer_id] END;
    ELSE
        NEW.dealer_ids := customer_dealer_ids(NEW.id, NEW.owner_dealer_id);
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER customers_dealer_ids_insert BEFORE INSERT ON customers
    FOR EACH ROW EXECUTE FUNCTION customers_dealer_ids_row();
CREATE TRIGGER customers_dealer_ids_owner BEFORE UPDATE OF owner_dealer_id ON customers
    FOR EACH ROW WHEN (OLD.owner_dealer_id IS DISTINCT FROM NEW.owner_dealer_id)
    EXECUTE FUNCTION customers_dealer_ids_row();

-- New deals add their dealers, once per statement (a COPY of millions of
-- deals is one update of the customers concerned).
CREATE FUNCTION deals_dealer_ids_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE customers c SET dealer_ids = customer_dealer_ids(c.id, c.owner_dealer_id)
    FROM (SELECT DISTINCT customer_id, dealer_id FROM new_deals WHERE dealer_id IS NOT NULL) n
    WHERE c.id = n.customer_id AND NOT c.dealer_ids @> ARRAY[n.dealer_id];
    RETURN NULL;
END $$;
CREATE TRIGGER deals_dealer_ids_insert AFTER INSERT ON deals
    REFERENCING NEW TABLE AS new_deals
    FOR EACH STATEMENT EXECUTE FUNCTION deals_dealer_ids_insert();

-- A deal moved to another customer or dealer (rare) recomputes both sides.
CREATE FUNCTION deals_dealer_ids_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE customers c SET dealer_ids = customer_dealer_ids(c.id, c.owner_dealer_id)
    WHERE c.id IN (OLD.customer_id, NEW.customer_id);
    RETURN NULL;
END $$;
CREATE TRIGGER deals_dealer_ids_update AFTER UPDATE OF customer_id, dealer_id ON deals
    FOR EACH ROW WHEN (OLD.customer_id IS DISTINCT FROM NEW.customer_id OR OLD.dealer_id IS DISTINCT FROM NEW.dealer_id)
    EXECUTE FUNCTION deals_dealer_ids_update();

-- The roles viewers read as belong to the cluster, not the database, and
-- creating them takes a privilege the owner of the database need not have:
-- store.EnsureViewerRoles makes them (the embedded server and the tests do
-- it as the superuser; `channelboard migrate` tries it first). Here they
-- must exist and the migrating role must be able to switch to them.
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'channelboard_staff')
       OR NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'channelboard_dealer')
       OR NOT pg_has_role(current_user, 'channelboard_staff', 'MEMBER')
       OR NOT pg_has_role(current_user, 'channelboard_dealer', 'MEMBER') THEN
        RAISE EXCEPTION 'the database roles channelboard_staff and channelboard_dealer are missing, or % cannot switch to them', current_user
            USING HINT = format('As a superuser run: CREATE ROLE channelboard_staff NOLOGIN; CREATE ROLE channelboard_dealer NOLOGIN; GRANT channelboard_staff, channelboard_dealer TO %I;', current_user);
    END IF;
END $$;

GRANT USAGE ON SCHEMA public TO channelboard_staff, channelboard_dealer;
GRANT SELECT ON regions, product_lines, dealers, territory_assignments, customers, ownership_changes,
    deals, policies, policy_price_floors, policy_bonus_tiers, dealer_plans, audit_entries,
    conflicts, conflict_events, compensations, credit_splits,
    deal_pipeline_totals, customer_owner_totals, won_owner_totals, users
    TO channelboard_staff, channelboard_dealer;

-- Who the transaction's viewer is. The dealer is only ever read for a
-- dealer user, so a stray dealer_id on a staff transaction means nothing.
CREATE FUNCTION viewer_role() RETURNS text LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT nullif(current_setting('channelboard.role', true), '')
$$;
CREATE FUNCTION viewer_dealer() RETURNS bigint LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT CASE WHEN current_setting('channelboard.role', true) = 'DEALER'
                THEN nullif(current_setting('channelboard.dealer_id', true), '')::bigint END
$$;
CREATE FUNCTION viewer_user() RETURNS bigint LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT nullif(current_setting('channelboard.user_id', true), '')::bigint
$$;
CREATE FUNCTION viewer_is_staff() RETURNS boolean LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT coalesce(viewer_role() IN ('DIRECTOR', 'MANAGER', 'ANALYST'), false)
$$;

-- Every table gets row security, forced, and the migrating role's
-- allow-all policy. Tables only trusted work touches (sessions, tokens,
-- sign-in counters, idempotency keys) get no viewer policy at all.
DO $$
DECLARE t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['regions', 'product_lines', 'dealers', 'territory_assignments', 'customers',
        'ownership_changes', 'deals', 'policies', 'policy_price_floors', 'policy_bonus_tiers', 'dealer_plans',
        'idempotency_keys', 'audit_entries', 'conflicts', 'conflict_events', 'compensations', 'credit_splits',
        'deal_pipeline_totals', 'customer_owner_totals', 'won_owner_totals', 'users', 'sessions', 'api_tokens',
        'login_attempts']
    LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY trusted ON %I FOR ALL TO %I USING (true) WITH CHECK (true)', t, current_user);
    END LOOP;
END $$;

-- Staff (director, managers, analysts) read every row of the domain; only
-- the director reads the audit log and the list of users.
DO $$
DECLARE t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['regions', 'product_lines', 'dealers', 'territory_assignments', 'customers',
        'ownership_changes', 'deals', 'policies', 'policy_price_floors', 'policy_bonus_tiers', 'dealer_plans',
        'conflicts', 'conflict_events', 'compensations', 'credit_splits',
        'deal_pipeline_totals', 'customer_owner_totals', 'won_owner_totals']
    LOOP
        EXECUTE format('CREATE POLICY staff_read ON %I FOR SELECT TO channelboard_staff USING ((SELECT viewer_is_staff()))', t);
    END LOOP;
END $$;
CREATE POLICY staff_read ON audit_entries FOR SELECT TO channelboard_staff
    USING ((SELECT viewer_role()) = 'DIRECTOR');
CREATE POLICY staff_read ON users FOR SELECT TO channelboard_staff
    USING ((SELECT viewer_role()) = 'DIRECTOR' OR id = (SELECT viewer_user()));

-- A dealer user reads the shared reference data (regions, product lines,
-- the commercial policy: its contract terms), and of everything else only
-- its own. Money totals across the channel (customer_owner_totals,
-- won_owner_totals) and the audit log get no dealer policy: nothing.
CREATE POLICY dealer_read ON regions FOR SELECT TO channelboard_dealer USING ((SELECT viewer_dealer()) IS NOT NULL);
CREATE POLICY dealer_read ON product_lines FOR SELECT TO channelboard_dealer USING ((SELECT viewer_dealer()) IS NOT NULL);
CREATE POLICY dealer_read ON policies FOR SELECT TO channelboard_dealer USING ((SELECT viewer_dealer()) IS NOT NULL);
CREATE POLICY dealer_read ON policy_price_floors FOR SELECT TO channelboard_dealer USING ((SELECT viewer_dealer()) IS NOT NULL);
CREATE POLICY dealer_read ON policy_bonus_tiers FOR SELECT TO channelboard_dealer USING ((SELECT viewer_dealer()) IS NOT NULL);
CREATE POLICY dealer_read ON dealers FOR SELECT TO channelboard_dealer USING (id = (SELECT viewer_dealer()));
CREATE POLICY dealer_read ON territory_assignments FOR SELECT TO channelboard_dealer USING (dealer_id = (SELECT viewer_dealer()));
CREATE POLICY dealer_read ON customers FOR SELECT TO channelboard_dealer USING (dealer_ids @> ARRAY[(SELECT viewer_dealer())]);
-- The ownership history of a customer the dealer reaches (customers'
-- own policy applies inside the subquery).
CREATE POLICY dealer_read ON ownership_changes FOR SELECT TO channelboard_dealer
    USING (EXISTS (SELECT 1 FROM customers c WHERE c.id = customer_id));
CREATE POLICY dealer_read ON deals FOR SELECT TO channelboard_dealer
    USING (channel_kind = 'DEALER' AND dealer_id = (SELECT viewer_dealer()));
CREATE POLICY dealer_read ON dealer_plans FOR SELECT TO channelboard_dealer USING (dealer_id = (SELECT viewer_dealer()));
CREATE POLICY dealer_read ON conflicts FOR SELECT TO channelboard_dealer USING (dealer_ids @> ARRAY[(SELECT viewer_dealer())]);
CREATE POLICY dealer_read ON conflict_events FOR SELECT TO channelboard_dealer
    USING (EXISTS (SELECT 1 FROM conflicts c WHERE c.id = conflict_id));
CREATE POLICY dealer_read ON compensations FOR SELECT TO channelboard_dealer USING (dealer_id = (SELECT viewer_dealer()));
CREATE POLICY dealer_read ON credit_splits FOR SELECT TO channelboard_dealer
    USING (EXISTS (SELECT 1 FROM deals d WHERE d.id = deal_id));
CREATE POLICY dealer_read ON deal_pipeline_totals FOR SELECT TO channelboard_dealer USING (dealer_id = (SELECT viewer_dealer()));
CREATE POLICY dealer_read ON users FOR SELECT TO channelboard_dealer USING (id = (SELECT viewer_user()));

-- An index on every policy column not indexed before.
CREATE INDEX credit_splits_deal_idx ON credit_splits (deal_id);
CREATE INDEX deal_pipeline_totals_dealer_idx ON deal_pipeline_totals (dealer_id);
