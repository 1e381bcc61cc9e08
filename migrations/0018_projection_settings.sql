-- The timescale settings (extra bank holidays, timescale overrides) the projections were last built
-- with. Due dates in the duty projection follow them, so when a council changes them every record
-- is folded again on the next start; a row is added each time, the latest being the one in force.

CREATE TABLE projection_settings (
  recorded_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  settings    jsonb       NOT NULL,
  PRIMARY KEY (recorded_at)
);
COMMENT ON TABLE projection_settings IS 'The timescale settings the projections were built with, newest last.';
