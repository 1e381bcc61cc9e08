-- External benchmarks for the partnership's figures: England, statistical neighbours, the region or
-- another council, as DfE and others publish them. Safeguard cannot compute them; a council loads
-- them (src/analytics/benchmarks.ts) and every metric result shows those that exist for it. The
-- England figures Safeguard ships (src/analytics/benchmarks/england.csv) are read by the engine and
-- need no rows here; a loaded row with the same key takes precedence over a shipped one.

CREATE TABLE benchmark (
  la_code    text        NOT NULL CHECK (la_code ~ '^\d{3}$'),
  metric_id  text        NOT NULL CHECK (metric_id ~ '^[A-Z]+(-[A-Z0-9]+)+[a-z]?$'),
  year_label text        NOT NULL CHECK (year_label ~ '^\d{4}(-\d{2})?$'),
  geography  text        NOT NULL CHECK (geography IN ('england', 'statistical-neighbours', 'region') OR geography ~ '^\d{3}$'),
  measure    text        NOT NULL DEFAULT 'value' CHECK (measure IN ('value', 'numerator', 'denominator', 'rate-per-10000')),
  value      numeric     NOT NULL,
  source     text        NOT NULL CHECK (length(source) BETWEEN 1 AND 500),
  loaded_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (la_code, metric_id, year_label, geography, measure)
);
COMMENT ON TABLE benchmark IS 'External benchmark values for catalogue metrics, loaded by the council whose benchmark set it is (la_code).';
COMMENT ON COLUMN benchmark.la_code IS 'The council that loaded this benchmark set (not the geography it describes).';
COMMENT ON COLUMN benchmark.year_label IS '''2023-24'' is the DfE year to 31 March 2024 (or the snapshot at that date); ''2023'' a calendar year.';
COMMENT ON COLUMN benchmark.geography IS 'england, statistical-neighbours, region, or the DfE 3-digit code of another council.';
COMMENT ON COLUMN benchmark.measure IS 'Which figure of the metric the value is: its headline value (percent, rate, count as the metric defines), numerator, denominator, or rate per 10,000 children.';
