-- When the person an alert is for has seen it. Kept beside the alert rather than as a column on it,
-- so the alert itself is never rewritten: one row per alert and person, written once.

CREATE TABLE access_alert_seen (
  la_code   text        NOT NULL,
  alert_id  uuid        NOT NULL,
  seen_by   text        NOT NULL,
  seen_at   timestamptz NOT NULL,
  PRIMARY KEY (la_code, alert_id, seen_by),
  FOREIGN KEY (la_code, alert_id) REFERENCES access_alert (la_code, alert_id)
);
COMMENT ON TABLE access_alert_seen IS 'Who has marked an alert as seen, and when.';
