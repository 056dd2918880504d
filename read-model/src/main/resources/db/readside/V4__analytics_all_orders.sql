-- A third analytics dimension: 'all', one row a day over every order (dimension_id 0), maintained by
-- the analytics projection like the restaurant and driver rows. Questions over all restaurants read
-- ~184 rows for six months instead of summing every restaurant's day (~71,000 at 200,000 orders).
-- No backfill here on purpose: the rows are the projection's aggregate, and a row written here would
-- be overwritten by the projection's own (empty) state at the next change of that day. An existing
-- deployment rebuilds the analytics once (ViewRebuild, ./dev rebuild-views) after this migration.
ALTER TABLE analytics_daily DROP CONSTRAINT analytics_daily_dimension_check;
ALTER TABLE analytics_daily ADD CONSTRAINT analytics_daily_dimension_check
    CHECK (dimension IN ('restaurant', 'driver', 'all'));
