-- Order history: the status log (order_status_changes) as the query API serves it, one row per change,
-- written only by projections (ReadStoreHistoryWriter, from the status change topic). Derived data: dropping
-- it and replaying the topic rebuilds it. Applied only when newer by source LSN, so replays change nothing.
CREATE TABLE order_history (
    change_id          bigint PRIMARY KEY,
    order_id           bigint      NOT NULL,
    from_status        text,
    to_status          text        NOT NULL,
    changed_at         timestamptz,
    actor_role         text,
    actor_id           bigint,
    reason             text,
    source_lsn         bigint      NOT NULL,
    source_commit_time timestamptz,
    applied_at         timestamptz NOT NULL DEFAULT now()
);
-- One order's history, oldest first.
CREATE INDEX order_history_order ON order_history (order_id, changed_at, change_id);

-- Dispatcher queue (every restaurant) from the read side: one status, newest first, keyset on (created_at, order_id);
-- the same without a driver ("ready, no driver"), and every status without a driver. The all-statuses walk uses
-- order_view_created (V1), one restaurant the order_view_restaurant_* indexes.
CREATE INDEX order_view_status_created ON order_view (status, created_at DESC, order_id DESC);
CREATE INDEX order_view_unassigned_status_created ON order_view (status, created_at DESC, order_id DESC)
    WHERE driver_id IS NULL;
CREATE INDEX order_view_unassigned_created ON order_view (created_at DESC, order_id DESC) WHERE driver_id IS NULL;
