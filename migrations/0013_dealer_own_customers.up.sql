-- A dealer's own customers in name order, found through customers_owner_idx.
--
-- Under row security the planner cannot estimate the dealer policy
-- (dealer_ids @> ARRAY[viewer]): it takes PostgreSQL's default 0.5 % for an
-- unknown array, multiplies it with the owner filter, expects 8 of a
-- dealer's 1,620 customers, and so reads all 1,620 through a BitmapAnd and
-- sorts them for a page of 51: 16-19 ms, and 2-4 ms more to count them
-- (scale-1 data). These functions walk the owner index instead and stop at
-- the page. They run as their owner, so they take no dealer as a parameter:
-- the dealer is always the viewer's own (viewer_dealer(), NULL for anyone
-- else, which matches nothing), and the rows they name are read back under
-- row security all the same.
CREATE FUNCTION customers_owned_page(after_name text, after_id bigint, descending boolean, lim integer)
RETURNS SETOF bigint
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp ROWS 50 AS $$
DECLARE
    me bigint := viewer_dealer();
BEGIN
    IF me IS NULL THEN
        RETURN;
    END IF;
    IF descending THEN
        RETURN QUERY SELECT c.id FROM customers c
            WHERE c.owner_dealer_id = me AND (after_id IS NULL OR (c.name, c.id) < (after_name, after_id))
            ORDER BY c.name DESC, c.id DESC LIMIT lim;
    ELSE
        RETURN QUERY SELECT c.id FROM customers c
            WHERE c.owner_dealer_id = me AND (after_id IS NULL OR (c.name, c.id) > (after_name, after_id))
            ORDER BY c.name, c.id LIMIT lim;
    END IF;
END $$;

CREATE FUNCTION customers_owned_count() RETURNS bigint
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT count(*) FROM customers c WHERE c.owner_dealer_id = viewer_dealer()
$$;
