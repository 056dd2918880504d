-- A small stand-in for command-api's write-side migration: same table and column names, same
-- publication. REPLICA IDENTITY FULL on every captured table on purpose: updates and deletes then
-- carry the complete before image, and an update that does not touch a TOASTed column still
-- has its value (PostgreSQL inlines the old tuple's TOAST for FULL), so the after image is whole.
CREATE TABLE restaurants (
    id bigint PRIMARY KEY, name text NOT NULL, address text, city text, phone text, active boolean NOT NULL DEFAULT true,
    created_at timestamptz NOT NULL DEFAULT now(), updated_at timestamptz NOT NULL DEFAULT now());
CREATE TABLE drivers (
    id bigint PRIMARY KEY, name text NOT NULL, phone text, vehicle text, active boolean NOT NULL DEFAULT true);
CREATE TABLE products (
    id bigint PRIMARY KEY, sku text NOT NULL UNIQUE, name text NOT NULL, description text, category text,
    unit text NOT NULL, price numeric(12,2) NOT NULL, active boolean NOT NULL DEFAULT true);
CREATE TABLE orders (
    id bigint PRIMARY KEY, reference text NOT NULL UNIQUE, restaurant_id bigint NOT NULL REFERENCES restaurants,
    driver_id bigint REFERENCES drivers, status text NOT NULL, delivery_address text NOT NULL,
    requested_delivery_at timestamptz, notes text, total_amount numeric(12,2) NOT NULL, item_count int NOT NULL,
    version int NOT NULL, created_at timestamptz NOT NULL DEFAULT now(), updated_at timestamptz NOT NULL DEFAULT now(),
    confirmed_at timestamptz, ready_at timestamptz, picked_up_at timestamptz, delivered_at timestamptz, cancelled_at timestamptz);
CREATE TABLE order_items (
    id bigint PRIMARY KEY, order_id bigint NOT NULL REFERENCES orders, product_id bigint NOT NULL REFERENCES products,
    product_name text NOT NULL, unit_price numeric(12,2) NOT NULL, quantity int NOT NULL, line_total numeric(12,2) NOT NULL);
CREATE TABLE order_status_changes (
    id bigint PRIMARY KEY, order_id bigint NOT NULL REFERENCES orders, from_status text, to_status text NOT NULL,
    changed_at timestamptz NOT NULL DEFAULT now(), actor_role text NOT NULL, actor_id bigint, reason text);
CREATE TABLE session_revocations (
    id bigint PRIMARY KEY, session_id varchar(64) NOT NULL, revoked_at timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NOT NULL);
CREATE TABLE idempotency_keys (
    id bigint PRIMARY KEY, key text NOT NULL UNIQUE, response text, created_at timestamptz NOT NULL DEFAULT now());

ALTER TABLE restaurants REPLICA IDENTITY FULL;
ALTER TABLE drivers REPLICA IDENTITY FULL;
ALTER TABLE products REPLICA IDENTITY FULL;
ALTER TABLE orders REPLICA IDENTITY FULL;
ALTER TABLE order_items REPLICA IDENTITY FULL;
ALTER TABLE order_status_changes REPLICA IDENTITY FULL;

CREATE PUBLICATION dms_cdc FOR TABLE restaurants, drivers, products, orders, order_items, order_status_changes,
    session_revocations;
