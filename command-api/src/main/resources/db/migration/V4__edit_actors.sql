-- Who last changed a product, restaurant or driver (the admin's role and id, as order status changes
-- record theirs), so catalogue and party edits carry their actor like the order log does. Nullable:
-- rows written before this migration, and the demo/bulk loaders, have no actor. The columns are in the
-- CDC publication with the rest of the row (V2 publishes whole tables), so every change event carries
-- them; products and restaurants stay REPLICA IDENTITY FULL, drivers DEFAULT (no TOASTed columns here).
ALTER TABLE products ADD COLUMN updated_by_role text;
ALTER TABLE products ADD COLUMN updated_by_id bigint;
ALTER TABLE restaurants ADD COLUMN updated_by_role text;
ALTER TABLE restaurants ADD COLUMN updated_by_id bigint;
ALTER TABLE drivers ADD COLUMN updated_by_role text;
ALTER TABLE drivers ADD COLUMN updated_by_id bigint;

-- [jooq ignore start]
ALTER TABLE products ADD CONSTRAINT products_updated_by_role_check
    CHECK (updated_by_role IN ('admin', 'restaurant', 'driver', 'system'));
ALTER TABLE restaurants ADD CONSTRAINT restaurants_updated_by_role_check
    CHECK (updated_by_role IN ('admin', 'restaurant', 'driver', 'system'));
ALTER TABLE drivers ADD CONSTRAINT drivers_updated_by_role_check
    CHECK (updated_by_role IN ('admin', 'restaurant', 'driver', 'system'));
-- [jooq ignore stop]
