-- Keep the visibility map of the hot tables current, so the covering
-- indexes (0005, 0009) answer from the index alone.
--
-- PostgreSQL's defaults vacuum a table after a fifth of it has changed:
-- 40,000 rows of a 200,000-deal table. Until then every page a write
-- touched is "not all-visible", and an index-only scan goes to the heap for
-- each of its rows. Measured on scale-1 data after 4,218 registrations from
-- the load harness: dealerPerformance fetched 42,963 heap rows and took
-- 145 ms; after VACUUM, 0 heap fetches and 19 ms. Vacuuming after 1 % of
-- the rows changed (or were inserted) keeps it there; the vacuum of a
-- mostly all-visible table only reads the pages that changed.
ALTER TABLE deals SET (
    autovacuum_vacuum_scale_factor = 0.01,
    autovacuum_vacuum_insert_scale_factor = 0.01,
    autovacuum_analyze_scale_factor = 0.02);
ALTER TABLE customers SET (
    autovacuum_vacuum_scale_factor = 0.01,
    autovacuum_vacuum_insert_scale_factor = 0.01,
    autovacuum_analyze_scale_factor = 0.02);
ALTER TABLE conflicts SET (
    autovacuum_vacuum_scale_factor = 0.02,
    autovacuum_vacuum_insert_scale_factor = 0.02,
    autovacuum_analyze_scale_factor = 0.02);
ALTER TABLE conflict_events SET (
    autovacuum_vacuum_insert_scale_factor = 0.02);
ALTER TABLE ownership_changes SET (
    autovacuum_vacuum_insert_scale_factor = 0.02);
ALTER TABLE deal_pipeline_totals SET (
    autovacuum_vacuum_scale_factor = 0.01);
