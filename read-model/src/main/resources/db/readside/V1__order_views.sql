-- Read-side order views, written only by projections (ReadStoreOrderViewWriter). Derived data:
-- dropping these tables and replaying the order view topic rebuilds them.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE order_view (
    order_id              bigint PRIMARY KEY,
    reference             text        NOT NULL,
    status                text        NOT NULL,
    restaurant_id         bigint      NOT NULL,
    restaurant_name       text,
    driver_id             bigint,
    driver_name           text,
    delivery_address      text,
    requested_delivery_at timestamptz,
    notes                 text,
    total_amount          numeric(14, 2),
    item_count            integer     NOT NULL,
    version               bigint      NOT NULL,
    source_lsn            bigint      NOT NULL,
    restaurant_lsn        bigint      NOT NULL,
    driver_lsn            bigint      NOT NULL,
    source_commit_time    timestamptz,
    created_at            timestamptz,
    updated_at            timestamptz,
    confirmed_at          timestamptz,
    ready_at              timestamptz,
    picked_up_at          timestamptz,
    delivered_at          timestamptz,
    cancelled_at          timestamptz,
    view                  jsonb       NOT NULL,
    applied_at            timestamptz NOT NULL DEFAULT now()
);

-- Restaurant board and history: filter by status, newest first, keyset pagination on (created_at, order_id).
CREATE INDEX order_view_restaurant_status_created ON order_view (restaurant_id, status, created_at DESC, order_id DESC);
CREATE INDEX order_view_restaurant_created ON order_view (restaurant_id, created_at DESC, order_id DESC);
-- Driver's orders and filters by driver.
CREATE INDEX order_view_driver_status_created ON order_view (driver_id, status, created_at DESC, order_id DESC)
    WHERE driver_id IS NOT NULL;
-- Admin-wide date ranges and CSV exports in keyset order.
CREATE INDEX order_view_created ON order_view (created_at DESC, order_id DESC);
-- Search: substring / fuzzy match on the reference and the restaurant's name (Georgian text included).
CREATE INDEX order_view_reference_trgm ON order_view USING gin (reference gin_trgm_ops);
CREATE INDEX order_view_restaurant_name_trgm ON order_view USING gin (restaurant_name gin_trgm_ops);

CREATE TABLE order_view_item (
    item_id      bigint PRIMARY KEY,
    order_id     bigint NOT NULL REFERENCES order_view (order_id) ON DELETE CASCADE,
    product_id   bigint,
    product_name text,
    unit_price   numeric(14, 2),
    quantity     numeric(14, 3),
    line_total   numeric(14, 2)
);
CREATE INDEX order_view_item_order ON order_view_item (order_id);
