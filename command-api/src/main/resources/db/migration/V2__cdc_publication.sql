-- What CDC (cdc-pipeline, Debezium pgoutput) captures. idempotency_keys is left out on purpose:
-- it is request bookkeeping, not business data.
--
-- REPLICA IDENTITY, table by table:
--  * orders, products, restaurants: FULL. They are UPDATEd, and notes, descriptions and
--    addresses can be long enough (Georgian text is 3 bytes a character) to be TOASTed. Under
--    DEFAULT an UPDATE that leaves a TOASTed column unchanged does not carry its value, so
--    Debezium would emit a placeholder and every view would have to patch it from old state.
--    FULL logs the whole old row and keeps change events self-contained; the extra WAL is one
--    small row per update of tables that change a few times in an order's life.
--  * drivers: DEFAULT (the primary key). Its columns are short, nothing there gets TOASTed,
--    and consumers apply rows by id.
--  * order_items, order_status_changes: DEFAULT. Insert-only (the event log and the snapshot of
--    an order's lines are never updated or deleted), so there is no old row to describe.
-- jOOQ's code generator parses these scripts and does not know these statements.
-- [jooq ignore start]
ALTER TABLE orders REPLICA IDENTITY FULL;
ALTER TABLE products REPLICA IDENTITY FULL;
ALTER TABLE restaurants REPLICA IDENTITY FULL;
ALTER TABLE drivers REPLICA IDENTITY DEFAULT;
ALTER TABLE order_items REPLICA IDENTITY DEFAULT;
ALTER TABLE order_status_changes REPLICA IDENTITY DEFAULT;

CREATE PUBLICATION dms_cdc FOR TABLE restaurants, drivers, products, orders, order_items, order_status_changes;
-- [jooq ignore stop]
