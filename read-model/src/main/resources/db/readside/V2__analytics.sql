-- Analytics per (dimension, dimension_id, day in Asia/Tbilisi), written by the analytics projection.
-- Each row holds its whole current state (upserted), so replays are harmless. Six months of one
-- restaurant is ~180 rows; of everything, 180 x (restaurants + drivers) rows: summed in SQL.
CREATE TABLE analytics_daily (
    dimension                    text    NOT NULL CHECK (dimension IN ('restaurant', 'driver')),
    dimension_id                 bigint  NOT NULL,
    day                          date    NOT NULL,
    orders                       bigint  NOT NULL,
    status_counts                jsonb   NOT NULL,
    delivered_count              bigint  NOT NULL,
    delivered_revenue            numeric(16, 2) NOT NULL,
    pickup_to_delivery_seconds   bigint  NOT NULL,
    pickup_to_delivery_count     bigint  NOT NULL,
    created_to_delivery_seconds  bigint  NOT NULL,
    created_to_delivery_count    bigint  NOT NULL,
    -- Bucket counts; bucket upper bounds in minutes are in analytics_histogram_bucket.
    pickup_to_delivery_histogram  bigint[] NOT NULL,
    created_to_delivery_histogram bigint[] NOT NULL,
    on_time_count                bigint  NOT NULL,
    on_time_eligible             bigint  NOT NULL,
    updated_at                   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (dimension, day, dimension_id)
);
CREATE INDEX analytics_daily_dimension_id_day ON analytics_daily (dimension, dimension_id, day);

CREATE TABLE analytics_histogram_bucket (
    bucket        integer PRIMARY KEY, -- 1-based, as PostgreSQL arrays
    upper_minutes integer              -- null: the open-ended last bucket
);
INSERT INTO analytics_histogram_bucket (bucket, upper_minutes) VALUES
    (1, 5), (2, 10), (3, 15), (4, 20), (5, 25), (6, 30), (7, 40), (8, 50), (9, 60), (10, 75), (11, 90),
    (12, 120), (13, 150), (14, 180), (15, 240), (16, 360), (17, 720), (18, 1440), (19, NULL);
