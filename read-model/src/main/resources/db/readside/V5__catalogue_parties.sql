-- The catalogue and the parties (restaurants, drivers) as the admins' and restaurants' screens list them,
-- written by the projections' catalogue application from the products, restaurants and drivers change topics.
-- Each row keeps the LSN of the change it reflects: an upsert replaces it only when newer, so replays and
-- duplicates are harmless. A deleted row stays as a tombstone (deleted = true) for the same reason; readers
-- skip it. Lists are keyset pages on the id; names are searched with pg_trgm (Georgian works: trigrams are
-- taken over characters, and ILIKE '%q%' uses the same GIN index).

CREATE TABLE product_view (
    product_id         bigint PRIMARY KEY,
    sku                text,
    name               text,
    description        text,
    category           text,
    unit               text,
    price              numeric(12,2),
    active             boolean     NOT NULL,
    deleted            boolean     NOT NULL DEFAULT false,
    updated_by_role    text,
    updated_by_id      bigint,
    updated_at         timestamptz,
    source_lsn         bigint      NOT NULL,
    source_commit_time timestamptz,
    view               jsonb,
    applied_at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX product_view_name_trgm ON product_view USING gin (name gin_trgm_ops);
CREATE INDEX product_view_category ON product_view (category, product_id);
CREATE INDEX product_view_source_commit_time ON product_view (source_commit_time DESC NULLS LAST);

CREATE TABLE restaurant_view (
    restaurant_id      bigint PRIMARY KEY,
    name               text,
    address            text,
    city               text,
    region             text,
    phone              text,
    active             boolean     NOT NULL,
    deleted            boolean     NOT NULL DEFAULT false,
    created_at         timestamptz,
    updated_at         timestamptz,
    updated_by_role    text,
    updated_by_id      bigint,
    source_lsn         bigint      NOT NULL,
    source_commit_time timestamptz,
    applied_at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX restaurant_view_name_trgm ON restaurant_view USING gin (name gin_trgm_ops);

CREATE TABLE driver_view (
    driver_id          bigint PRIMARY KEY,
    name               text,
    phone              text,
    vehicle            text,
    active             boolean     NOT NULL,
    deleted            boolean     NOT NULL DEFAULT false,
    created_at         timestamptz,
    updated_at         timestamptz,
    updated_by_role    text,
    updated_by_id      bigint,
    source_lsn         bigint      NOT NULL,
    source_commit_time timestamptz,
    applied_at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX driver_view_name_trgm ON driver_view USING gin (name gin_trgm_ops);
