-- Freshness of the read side: answers that cover many orders (the CSV export) report the age of
-- the newest change the read side reflects, max(source_commit_time). This index makes that an
-- index-only lookup of one entry instead of a scan of every order.
CREATE INDEX order_view_source_commit_time ON order_view (source_commit_time DESC NULLS LAST);
