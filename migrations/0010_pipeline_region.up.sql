-- pipeline filtered by region from the summary too: deal_pipeline_totals
-- gains the region of each deal's customer. Before, a region read the
-- deals themselves (scale 10: ~460-790 ms for a province); now it sums a
-- few hundred summary rows. The deals' triggers look the region up; a
-- customer that moves region moves its deals' totals.

ALTER TABLE deal_pipeline_totals ADD COLUMN region_id bigint NOT NULL DEFAULT 0;
ALTER TABLE deal_pipeline_totals DROP CONSTRAINT deal_pipeline_totals_pkey;
TRUNCATE deal_pipeline_totals;
INSERT INTO deal_pipeline_totals (stage, channel_kind, product_line_id, dealer_id, currency, region_id, n, amount)
SELECT d.stage, d.channel_kind, d.product_line_id, coalesce(d.dealer_id, 0), d.currency, c.region_id, count(*), sum(d.amount)
FROM deals d JOIN customers c ON c.id = d.customer_id
GROUP BY 1, 2, 3, 4, 5, 6;
ALTER TABLE deal_pipeline_totals ADD PRIMARY KEY (stage, channel_kind, product_line_id, dealer_id, currency, region_id);
CREATE INDEX deal_pipeline_totals_region_idx ON deal_pipeline_totals (region_id);

CREATE OR REPLACE FUNCTION deal_pipeline_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO deal_pipeline_totals AS t (stage, channel_kind, product_line_id, dealer_id, currency, region_id, n, amount)
        SELECT stage, channel_kind, product_line_id, dealer_id, currency, region_id, sum(n), sum(amount)
        FROM (
            SELECT r.stage, r.channel_kind, r.product_line_id, coalesce(r.dealer_id, 0) AS dealer_id, r.currency,
                c.region_id, 1 AS n, 1 * r.amount AS amount
            FROM new_rows r JOIN customers c ON c.id = r.customer_id
        ) d
        GROUP BY 1, 2, 3, 4, 5, 6 HAVING sum(n) <> 0 OR sum(amount) <> 0 ORDER BY 1, 2, 3, 4, 5, 6
        ON CONFLICT (stage, channel_kind, product_line_id, dealer_id, currency, region_id)
        DO UPDATE SET n = t.n + EXCLUDED.n, amount = t.amount + EXCLUDED.amount;
    ELSIF TG_OP = 'DELETE' THEN
        INSERT INTO deal_pipeline_totals AS t (stage, channel_kind, product_line_id, dealer_id, currency, region_id, n, amount)
        SELECT stage, channel_kind, product_line_id, dealer_id, currency, region_id, sum(n), sum(amount)
        FROM (
            SELECT r.stage, r.channel_kind, r.product_line_id, coalesce(r.dealer_id, 0) AS dealer_id, r.currency,
                c.region_id, -1 AS n, -1 * r.amount AS amount
            FROM old_rows r JOIN customers c ON c.id = r.customer_id
        ) d
        GROUP BY 1, 2, 3, 4, 5, 6 HAVING sum(n) <> 0 OR sum(amount) <> 0 ORDER BY 1, 2, 3, 4, 5, 6
        ON CONFLICT (stage, channel_kind, product_line_id, dealer_id, currency, region_id)
        DO UPDATE SET n = t.n + EXCLUDED.n, amount = t.amount + EXCLUDED.amount;
    ELSE
        INSERT INTO deal_pipeline_totals AS t (stage, channel_kind, product_line_id, dealer_id, currency, region_id, n, amount)
        SELECT stage, channel_kind, product_line_id, dealer_id, currency, region_id, sum(n), sum(amount)
        FROM (
            SELECT r.stage, r.channel_kind, r.product_line_id, coalesce(r.dealer_id, 0) AS dealer_id, r.currency,
                c.region_id, -1 AS n, -1 * r.amount AS amount
            FROM old_rows r JOIN customers c ON c.id = r.customer_id
            UNION ALL
            SELECT r.stage, r.channel_kind, r.product_line_id, coalesce(r.dealer_id, 0) AS dealer_id, r.currency,
                c.region_id, 1 AS n, 1 * r.amount AS amount
            FROM new_rows r JOIN customers c ON c.id = r.customer_id
        ) d
        GROUP BY 1, 2, 3, 4, 5, 6 HAVING sum(n) <> 0 OR sum(amount) <> 0 ORDER BY 1, 2, 3, 4, 5, 6
        ON CONFLICT (stage, channel_kind, product_line_id, dealer_id, currency, region_id)
        DO UPDATE SET n = t.n + EXCLUDED.n, amount = t.amount + EXCLUDED.amount;
    END IF;
    RETURN NULL;
END $$;

-- A customer statement that moves customers to other regions moves their
-- deals' totals with them.
CREATE FUNCTION customer_pipeline_region() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO deal_pipeline_totals AS t (stage, channel_kind, product_line_id, dealer_id, currency, region_id, n, amount)
    SELECT stage, channel_kind, product_line_id, dealer_id, currency, region_id, sum(n), sum(amount)
    FROM (
        SELECT x.stage, x.channel_kind, x.product_line_id, coalesce(x.dealer_id, 0) AS dealer_id, x.currency,
            m.region_id, m.sign AS n, m.sign * x.amount AS amount
        FROM (
            SELECT o.id, o.region_id, -1 AS sign FROM old_rows o JOIN new_rows w ON w.id = o.id WHERE w.region_id <> o.region_id
            UNION ALL
            SELECT w.id, w.region_id, 1 FROM old_rows o JOIN new_rows w ON w.id = o.id WHERE w.region_id <> o.region_id
        ) m JOIN deals x ON x.customer_id = m.id
    ) d
    GROUP BY 1, 2, 3, 4, 5, 6 HAVING sum(n) <> 0 OR sum(amount) <> 0 ORDER BY 1, 2, 3, 4, 5, 6
    ON CONFLICT (stage, channel_kind, product_line_id, dealer_id, currency, region_id)
    DO UPDATE SET n = t.n + EXCLUDED.n, amount = t.amount + EXCLUDED.amount;
    RETURN NULL;
END $$;
CREATE TRIGGER customers_pipeline_region AFTER UPDATE ON customers REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION customer_pipeline_region();
