-- conflictStats reads few columns of many conflicts: the board asks for
-- its live conflicts counted by kind on every load, analysts group all of
-- them by status, severity, region or month. The heap rows are wide (the
-- explanation, the arrays), so each of these read 2,400 pages: 33-35 ms on
-- scale-1 data (15,372 conflicts), and 40-76 ms under the load harness's
-- mix, where it was the largest part of the database's time. From this
-- index alone (1.4 MB beside the table's 19 MB) the same questions take
-- 6-9 ms. Grouping by dealer unnests the party array and still reads the
-- table.
CREATE INDEX conflicts_stats_idx ON conflicts (status, kind, currency)
    INCLUDE (severity, region_id, detected_at, closed_at, at_stake);
