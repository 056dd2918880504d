-- The correlation id of the request that wrote each row (X-Request-Id, or the id the command API made up),
-- written in the same transaction as the change. A column rather than a logical decoding message
-- (pg_logical_emit_message): the CDC change event carries the whole row, so the id reaches Kafka, the
-- projections and the views on the path every change already takes, with no pairing of a separate message
-- topic to its change by transaction. Orders and their status log carry the command's id; restaurants,
-- drivers and products carry the id of the edit that last changed them (a rename has its own id; it does
-- not become the id of the order views it patches). Order items need none: they are written only with
-- their order, in the order's transaction. Nullable: rows written before this migration, and the demo/bulk
-- loaders, have none. REPLICA IDENTITY is unchanged (V2 and V4 say which).
ALTER TABLE orders ADD COLUMN request_id text;
ALTER TABLE order_status_changes ADD COLUMN request_id text;
ALTER TABLE restaurants ADD COLUMN request_id text;
ALTER TABLE drivers ADD COLUMN request_id text;
ALTER TABLE products ADD COLUMN request_id text;
