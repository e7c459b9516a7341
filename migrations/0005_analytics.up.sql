-- Indexes of the analysts' questions (store/analytics.go), each measured
-- with EXPLAIN ANALYZE on `seed --scale 10` data (graph/analytics_bench_test.go).

-- dealerPerformance: per dealer, its open deals and its wins of a year,
-- with the amounts, read from the index alone.
CREATE INDEX IF NOT EXISTS deals_dealer_perf_idx ON deals (dealer_id, stage, closed_at)
    INCLUDE (amount, prepaid_amount, currency) WHERE dealer_id IS NOT NULL;

-- pipeline: the grouping columns in order with the amount, so an
-- unfiltered pipeline is one index-only pass in group order.
CREATE INDEX IF NOT EXISTS deals_pipeline_idx ON deals (stage, channel_kind, product_line_id, currency)
    INCLUDE (amount, dealer_id);

-- ownershipShare: won deals by closing time with what is summed.
CREATE INDEX IF NOT EXISTS deals_won_idx ON deals (closed_at)
    INCLUDE (customer_id, amount, currency) WHERE stage = 'WON';

-- Customers of a region (and owner kind) with their ids, index-only:
-- the pipeline's region filter and the customers list's counts.
CREATE INDEX IF NOT EXISTS customers_region_owner_idx ON customers (region_id, owner_kind) INCLUDE (id);

-- The customers list sorted by creation or ownership date (the Customers
-- screen's other orders), and filtered by segment in creation order.
CREATE INDEX IF NOT EXISTS customers_created_idx ON customers (created_at, id);
CREATE INDEX IF NOT EXISTS customers_owner_since_idx ON customers (owner_since, id);
CREATE INDEX IF NOT EXISTS customers_segment_created_idx ON customers (segment, created_at, id);

-- Summary tables of the pipeline and of ownershipShare, kept current in
-- the writing transaction by statement-level triggers over transition
-- tables: one set-wise upsert per statement (a COPY of millions of rows
-- costs one aggregate, not a trigger call per row), and the summary rows
-- are upserted in key order, so concurrent writers lock them in the same
-- order and cannot deadlock on them. A direct deal's dealer_id is 0 here.

CREATE TABLE deal_pipeline_totals (
    stage           text NOT NULL,
    channel_kind    text NOT NULL,
    product_line_id bigint NOT NULL,
    dealer_id       bigint NOT NULL,
    currency        char(3) NOT NULL,
    n               bigint NOT NULL,
    amount          bigint NOT NULL,
    PRIMARY KEY (stage, channel_kind, product_line_id, dealer_id, currency)
);

-- Customers per region, segment and owner kind.
CREATE TABLE customer_owner_totals (
    region_id  bigint NOT NULL,
    segment    text NOT NULL,
    owner_kind text NOT NULL,
    n          bigint NOT NULL,
    PRIMARY KEY (region_id, segment, owner_kind)
);

-- Won deals per their customer's region, segment and owner kind, per
-- closing year (UTC) and currency.
CREATE TABLE won_owner_totals (
    region_id  bigint NOT NULL,
    segment    text NOT NULL,
    owner_kind text NOT NULL,
    year       int NOT NULL,
    currency   char(3) NOT NULL,
    n          bigint NOT NULL,
    amount     bigint NOT NULL,
    PRIMARY KEY (region_id, segment, owner_kind, year, currency)
);

-- Each branch names only the transition tables its event has.
CREATE FUNCTION deal_pipeline_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO deal_pipeline_totals AS t (stage, channel_kind, product_line_id, dealer_id, currency, n, amount)
        SELECT stage, channel_kind, product_line_id, dealer_id, currency, sum(n), sum(amount)
        FROM (
            SELECT stage, channel_kind, product_line_id, coalesce(dealer_id, 0) AS dealer_id, currency,
                1 AS n, 1 * amount AS amount FROM new_rows
        ) d
        GROUP BY 1, 2, 3, 4, 5 HAVING sum(n) <> 0 OR sum(amount) <> 0 ORDER BY 1, 2, 3, 4, 5
        ON CONFLICT (stage, channel_kind, product_line_id, dealer_id, currency)
        DO UPDATE SET n = t.n + EXCLUDED.n, amount = t.amount + EXCLUDED.amount;
    ELSIF TG_OP = 'DELETE' THEN
        INSERT INTO deal_pipeline_totals AS t (stage, channel_kind, product_line_id, dealer_id, currency, n, amount)
        SELECT stage, channel_kind, product_line_id, dealer_id, currency, sum(n), sum(amount)
        FROM (
            SELECT stage, channel_kind, product_line_id, coalesce(dealer_id, 0) AS dealer_id, currency,
                -1 AS n, -1 * amount AS amount FROM old_rows
        ) d
        GROUP BY 1, 2, 3, 4, 5 HAVING sum(n) <> 0 OR sum(amount) <> 0 ORDER BY 1, 2, 3, 4, 5
        ON CONFLICT (stage, channel_kind, product_line_id, dealer_id, currency)
        DO UPDATE SET n = t.n + EXCLUDED.n, amount = t.amount + EXCLUDED.amount;
    ELSE
        INSERT INTO deal_pipeline_totals AS t (stage, channel_kind, product_line_id, dealer_id, currency, n, amount)
        SELECT stage, channel_kind, product_line_id, dealer_id, currency, sum(n), sum(amount)
        FROM (
            SELECT stage, channel_kind, product_line_id, coalesce(dealer_id, 0) AS dealer_id, currency,
                -1 AS n, -1 * amount AS amount FROM old_rows
            UNION ALL
            SELECT stage, channel_kind, product_line_id, coalesce(dealer_id, 0) AS dealer_id, currency,
                1 AS n, 1 * amount AS amount FROM new_rows
        ) d
        GROUP BY 1, 2, 3, 4, 5 HAVING sum(n) <> 0 OR sum(amount) <> 0 ORDER BY 1, 2, 3, 4, 5
        ON CONFLICT (stage, channel_kind, product_line_id, dealer_id, currency)
        DO UPDATE SET n = t.n + EXCLUDED.n, amount = t.amount + EXCLUDED.amount;
    END IF;
    RETURN NULL;
END $$;

-- A deal statement: its won rows move between their customer's buckets.
CREATE FUNCTION deal_won_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO won_owner_totals AS t (region_id, segment, owner_kind, year, currency, n, amount)
        SELECT c.region_id, c.segment, c.owner_kind, d.year, d.currency, sum(d.n), sum(d.amount)
        FROM (
            SELECT customer_id, extract(year FROM closed_at AT TIME ZONE 'UTC')::int AS year, currency,
                1 AS n, 1 * amount AS amount FROM new_rows WHERE stage = 'WON'
        ) d
        JOIN customers c ON c.id = d.customer_id
        GROUP BY 1, 2, 3, 4, 5 HAVING sum(d.n) <> 0 OR sum(d.amount) <> 0 ORDER BY 1, 2, 3, 4, 5
        ON CONFLICT (region_id, segment, owner_kind, year, currency)
        DO UPDATE SET n = t.n + EXCLUDED.n, amount = t.amount + EXCLUDED.amount;
    ELSIF TG_OP = 'DELETE' THEN
        INSERT INTO won_owner_totals AS t (region_id, segment, owner_kind, year, currency, n, amount)
        SELECT c.region_id, c.segment, c.owner_kind, d.year, d.currency, sum(d.n), sum(d.amount)
        FROM (
            SELECT customer_id, extract(year FROM closed_at AT TIME ZONE 'UTC')::int AS year, currency,
                -1 AS n, -1 * amount AS amount FROM old_rows WHERE stage = 'WON'
        ) d
        JOIN customers c ON c.id = d.customer_id
        GROUP BY 1, 2, 3, 4, 5 HAVING sum(d.n) <> 0 OR sum(d.amount) <> 0 ORDER BY 1, 2, 3, 4, 5
        ON CONFLICT (region_id, segment, owner_kind, year, currency)
        DO UPDATE SET n = t.n + EXCLUDED.n, amount = t.amount + EXCLUDED.amount;
    ELSE
        INSERT INTO won_owner_totals AS t (region_id, segment, owner_kind, year, currency, n, amount)
        SELECT c.region_id, c.segment, c.owner_kind, d.year, d.currency, sum(d.n), sum(d.amount)
        FROM (
            SELECT customer_id, extract(year FROM closed_at AT TIME ZONE 'UTC')::int AS year, currency,
                -1 AS n, -1 * amount AS amount FROM old_rows WHERE stage = 'WON'
            UNION ALL
            SELECT customer_id, extract(year FROM closed_at AT TIME ZONE 'UTC')::int AS year, currency,
                1 AS n, 1 * amount AS amount FROM new_rows WHERE stage = 'WON'
        ) d
        JOIN customers c ON c.id = d.customer_id
        GROUP BY 1, 2, 3, 4, 5 HAVING sum(d.n) <> 0 OR sum(d.amount) <> 0 ORDER BY 1, 2, 3, 4, 5
        ON CONFLICT (region_id, segment, owner_kind, year, currency)
        DO UPDATE SET n = t.n + EXCLUDED.n, amount = t.amount + EXCLUDED.amount;
    END IF;
    RETURN NULL;
END $$;

-- A customer statement: counts move between buckets, and so do the won
-- deals of a customer whose region, segment or owner kind changed.
CREATE FUNCTION customer_owner_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO customer_owner_totals AS t (region_id, segment, owner_kind, n)
        SELECT region_id, segment, owner_kind, sum(sign) FROM (
            SELECT id, region_id, segment, owner_kind, 1 AS sign FROM new_rows
        ) d
        GROUP BY 1, 2, 3 HAVING sum(sign) <> 0 ORDER BY 1, 2, 3
        ON CONFLICT (region_id, segment, owner_kind) DO UPDATE SET n = t.n + EXCLUDED.n;
    ELSIF TG_OP = 'DELETE' THEN
        INSERT INTO customer_owner_totals AS t (region_id, segment, owner_kind, n)
        SELECT region_id, segment, owner_kind, sum(sign) FROM (
            SELECT id, region_id, segment, owner_kind, -1 AS sign FROM old_rows
        ) d
        GROUP BY 1, 2, 3 HAVING sum(sign) <> 0 ORDER BY 1, 2, 3
        ON CONFLICT (region_id, segment, owner_kind) DO UPDATE SET n = t.n + EXCLUDED.n;
    ELSE
        -- One statement: the counts, and the won deals of the customers
        -- that changed bucket (a data-modifying CTE always runs).
        WITH delta AS (
            SELECT o.id, o.region_id, o.segment, o.owner_kind, -1 AS sign
            FROM old_rows o JOIN new_rows w ON w.id = o.id
            WHERE (w.region_id, w.segment, w.owner_kind) IS DISTINCT FROM (o.region_id, o.segment, o.owner_kind)
            UNION ALL
            SELECT w.id, w.region_id, w.segment, w.owner_kind, 1
            FROM old_rows o JOIN new_rows w ON w.id = o.id
            WHERE (w.region_id, w.segment, w.owner_kind) IS DISTINCT FROM (o.region_id, o.segment, o.owner_kind)
        ), moved_counts AS (
            INSERT INTO customer_owner_totals AS t (region_id, segment, owner_kind, n)
            SELECT region_id, segment, owner_kind, sum(sign) FROM delta
            GROUP BY 1, 2, 3 HAVING sum(sign) <> 0 ORDER BY 1, 2, 3
            ON CONFLICT (region_id, segment, owner_kind) DO UPDATE SET n = t.n + EXCLUDED.n
        )
        INSERT INTO won_owner_totals AS t (region_id, segment, owner_kind, year, currency, n, amount)
        SELECT cd.region_id, cd.segment, cd.owner_kind, extract(year FROM x.closed_at AT TIME ZONE 'UTC')::int, x.currency,
            sum(cd.sign), sum(cd.sign * x.amount)
        FROM delta cd JOIN deals x ON x.customer_id = cd.id AND x.stage = 'WON'
        GROUP BY 1, 2, 3, 4, 5 HAVING sum(cd.sign) <> 0 OR sum(cd.sign * x.amount) <> 0 ORDER BY 1, 2, 3, 4, 5
        ON CONFLICT (region_id, segment, owner_kind, year, currency)
        DO UPDATE SET n = t.n + EXCLUDED.n, amount = t.amount + EXCLUDED.amount;
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER deals_pipeline_ins AFTER INSERT ON deals REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION deal_pipeline_apply();
CREATE TRIGGER deals_pipeline_upd AFTER UPDATE ON deals REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION deal_pipeline_apply();
CREATE TRIGGER deals_pipeline_del AFTER DELETE ON deals REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION deal_pipeline_apply();
CREATE TRIGGER deals_won_ins AFTER INSERT ON deals REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION deal_won_apply();
CREATE TRIGGER deals_won_upd AFTER UPDATE ON deals REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION deal_won_apply();
CREATE TRIGGER deals_won_del AFTER DELETE ON deals REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION deal_won_apply();
CREATE TRIGGER customers_owner_ins AFTER INSERT ON customers REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION customer_owner_apply();
CREATE TRIGGER customers_owner_upd AFTER UPDATE ON customers REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION customer_owner_apply();
CREATE TRIGGER customers_owner_del AFTER DELETE ON customers REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION customer_owner_apply();

-- The rows already there.
INSERT INTO deal_pipeline_totals
SELECT stage, channel_kind, product_line_id, coalesce(dealer_id, 0), currency, count(*), sum(amount)
FROM deals GROUP BY 1, 2, 3, 4, 5;
INSERT INTO customer_owner_totals
SELECT region_id, segment, owner_kind, count(*) FROM customers GROUP BY 1, 2, 3;
INSERT INTO won_owner_totals
SELECT c.region_id, c.segment, c.owner_kind, extract(year FROM x.closed_at AT TIME ZONE 'UTC')::int, x.currency, count(*), sum(x.amount)
FROM deals x JOIN customers c ON c.id = x.customer_id WHERE x.stage = 'WON' GROUP BY 1, 2, 3, 4, 5;

-- pipeline filtered by region: the deals of the region's customers, read
-- from the index alone.
CREATE INDEX IF NOT EXISTS deals_customer_cover_idx ON deals (customer_id)
    INCLUDE (stage, channel_kind, product_line_id, dealer_id, currency, amount);
