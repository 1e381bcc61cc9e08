-- Retention: records kept as long as the law or the council's policy says, then disposed of.
-- Disposal is the one time a child's events leave the log: it removes the child's personal data
-- (events and projections) and leaves a tombstone saying what was removed, when, by whom and under
-- which rule. Audit rows stay: they say who saw the record while it existed.

CREATE TABLE retention_hold (
  la_code    text        NOT NULL CHECK (la_code ~ '^\d{3}$'),
  hold_id    uuid        NOT NULL,
  child_id   text        NOT NULL,
  reason     text        NOT NULL CHECK (length(reason) BETWEEN 1 AND 1000),
  placed_by  text        NOT NULL,
  placed_at  timestamptz NOT NULL,
  PRIMARY KEY (la_code, hold_id)
);
COMMENT ON TABLE retention_hold IS 'Holds that stop a child''s record being disposed of (an inquiry, litigation, a subject access request), whatever its retention date.';
CREATE INDEX retention_hold_by_child ON retention_hold (la_code, child_id);

CREATE TABLE retention_hold_lifted (
  la_code    text        NOT NULL,
  hold_id    uuid        NOT NULL,
  reason     text        NOT NULL CHECK (length(reason) BETWEEN 1 AND 1000),
  lifted_by  text        NOT NULL,
  lifted_at  timestamptz NOT NULL,
  PRIMARY KEY (la_code, hold_id),
  FOREIGN KEY (la_code, hold_id) REFERENCES retention_hold (la_code, hold_id)
);
COMMENT ON TABLE retention_hold_lifted IS 'When and why a retention hold was lifted. A hold without a row here is in force.';

CREATE TABLE child_disposal (
  la_code         text        NOT NULL CHECK (la_code ~ '^\d{3}$'),
  child_id        text        NOT NULL,
  disposed_at     timestamptz NOT NULL,
  disposed_by     text        NOT NULL,
  record_type     text        NOT NULL,
  rule_id         text        NOT NULL,
  retained_until  date        NOT NULL,
  events_removed  integer     NOT NULL CHECK (events_removed >= 0),
  correlation_id  text        NOT NULL,
  PRIMARY KEY (la_code, child_id)
);
COMMENT ON TABLE child_disposal IS 'Tombstones: a child''s record that was disposed of under a retention rule. Holds no personal data beyond the LA child id.';

-- The log stays append-only, except for a disposal, which says so for its own transaction.
CREATE OR REPLACE FUNCTION refuse_change_to_child_event() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND current_setting('safeguard.disposal', true) = 'on' THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'child_event is append-only: record a correction instead of changing event %', OLD.event_id;
END;
$$;
