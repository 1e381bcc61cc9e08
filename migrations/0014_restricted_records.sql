-- Restricted records and break-glass access. A restricted record is outside everyone's scope but
-- those granted it by name; anyone otherwise in scope may break the glass with a reason, which
-- grants it for a time and alerts the record's owner. Grants are never changed: they expire.

CREATE TABLE child_restriction (
  la_code       text        NOT NULL CHECK (la_code ~ '^\d{3}$'),
  child_id      text        NOT NULL,
  reason        text        NOT NULL CHECK (length(reason) BETWEEN 1 AND 1000),
  restricted_by text        NOT NULL,
  restricted_at timestamptz NOT NULL,
  lifted_by     text,
  lifted_at     timestamptz,
  PRIMARY KEY (la_code, child_id, restricted_at),
  CHECK ((lifted_by IS NULL) = (lifted_at IS NULL))
);
COMMENT ON TABLE child_restriction IS 'Records hidden from search and lists for all but named people (e.g. a member of staff''s own family, a high-profile case).';

CREATE TABLE record_access_grant (
  la_code     text        NOT NULL,
  grant_id    uuid        NOT NULL,
  child_id    text        NOT NULL,
  user_id     text        NOT NULL,
  kind        text        NOT NULL CHECK (kind IN ('named', 'break-glass')),
  reason      text        NOT NULL CHECK (length(reason) BETWEEN 1 AND 1000),
  granted_by  text        NOT NULL,
  granted_at  timestamptz NOT NULL,
  expires_at  timestamptz NOT NULL,
  PRIMARY KEY (la_code, grant_id)
);
COMMENT ON TABLE record_access_grant IS 'Who may see a restricted record: named by whoever restricted it, or by breaking the glass (with a reason, for a day).';
CREATE INDEX record_access_grant_by_child ON record_access_grant (la_code, child_id, user_id);

CREATE TABLE access_alert (
  la_code      text        NOT NULL,
  alert_id     uuid        NOT NULL,
  child_id     text        NOT NULL,
  recipient_user_id text,
  recipient_worker_id text,
  message      text        NOT NULL,
  raised_at    timestamptz NOT NULL,
  PRIMARY KEY (la_code, alert_id),
  CHECK (recipient_user_id IS NOT NULL OR recipient_worker_id IS NOT NULL)
);
COMMENT ON TABLE access_alert IS 'Alerts to a record''s owner, e.g. that someone broke the glass to open it.';
CREATE INDEX access_alert_by_worker ON access_alert (la_code, recipient_worker_id, raised_at);
CREATE INDEX child_restriction_by_child ON child_restriction (la_code, child_id) WHERE lifted_at IS NULL;
