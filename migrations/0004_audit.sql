-- Every read and write of a child's record, written by the data-access layer.

CREATE TABLE audit_event (
  la_code        text        NOT NULL,
  audit_id       bigint      GENERATED ALWAYS AS IDENTITY,
  occurred_at    timestamptz NOT NULL DEFAULT now(),
  user_id        text        NOT NULL,
  role           text        NOT NULL,
  agency         text        NOT NULL,
  action         text        NOT NULL CHECK (action IN ('read', 'write', 'refused')),
  resource       text        NOT NULL,
  child_id       text,
  outcome        text        NOT NULL,
  correlation_id text        NOT NULL,
  detail         jsonb       NOT NULL DEFAULT '{}'::jsonb,
  PRIMARY KEY (la_code, audit_id)
);
COMMENT ON TABLE audit_event IS 'Who read or wrote which child''s record, when, with what outcome. Written only by the data-access layer.';
CREATE INDEX audit_event_by_child ON audit_event (la_code, child_id, occurred_at);
