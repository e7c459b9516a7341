-- The customers list in name order, filtered by owner kind and region (the
-- Customers screen's usual question), read from the index alone: the
-- region and segment ride along in the index, so the rows skipped on the
-- way to a page of 50 cost no heap visit. Measured on `seed --scale 10`
-- (500,000 customers), director, owner DEALER in Bulgaria: 4.1 s cold and
-- ~300 ms warm before, 32 ms after (docs/benchmarks.md). They replace the
-- narrower indexes on the same keys.
CREATE INDEX customers_owner_kind_name_idx ON customers (owner_kind, name, id) INCLUDE (region_id, segment);
CREATE INDEX customers_name_region_idx ON customers (name, id) INCLUDE (region_id, owner_kind, segment);
DROP INDEX customers_owner_kind_idx;
DROP INDEX customers_name_idx;

-- The customers whose name, normalised name or tax id match a search, by
-- the trigram and unique indexes. Row security hides a table's statistics
-- from operators that are not leakproof (LIKE is not), so a viewer's own
-- search would be planned blind and scan the table; run as the owner, with
-- the pattern as a literal, it is planned with the statistics. It returns
-- ids only, for a query that row security still narrows.
CREATE FUNCTION customers_matching(name_pattern text, norm_pattern text, tax text) RETURNS SETOF bigint
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp ROWS 2000 AS $$
BEGIN
    RETURN QUERY EXECUTE format(
        'SELECT id FROM customers WHERE name ILIKE %L OR (%L <> '''' AND name_norm LIKE %L) OR (%L <> '''' AND tax_id_norm = %L)',
        name_pattern, norm_pattern, norm_pattern, tax, tax);
END $$;
