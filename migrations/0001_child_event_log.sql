-- The child's record: an append-only log of typed events. Everything else is derived from it.

CREATE TABLE import_batch (
  la_code        text        NOT NULL CHECK (la_code ~ '^\d{3}$'),
  import_batch_id uuid       NOT NULL,
  file_name      text        NOT NULL,
  started_at     timestamptz NOT NULL,
  imported_by    text        NOT NULL,
  event_count    integer     NOT NULL CHECK (event_count >= 0),
  PRIMARY KEY (la_code, import_batch_id)
);
COMMENT ON TABLE import_batch IS 'One row per committed import of an interchange file: where migrated events came from.';

CREATE TABLE child_event (
  la_code            text        NOT NULL CHECK (la_code ~ '^\d{3}$'),
  event_id           uuid        NOT NULL,
  sequence           bigint      GENERATED ALWAYS AS IDENTITY,
  child_id           text        NOT NULL CHECK (child_id ~ '^[A-Za-z0-9]{1,20}$'),
  event_type         text        NOT NULL,
  occurred_at        text        NOT NULL CHECK (occurred_at ~ '^\d{4}-\d{2}-\d{2}'),
  occurred_on        date        NOT NULL,
  recorded_at        timestamptz NOT NULL,
  recorded_by_user   text        NOT NULL,
  recorded_by_role   text        NOT NULL,
  recorded_by_agency text        NOT NULL,
  client_id          text        NOT NULL,
  supersedes         uuid,
  correction_reason  text,
  data               jsonb       NOT NULL,
  import_batch_id    uuid,
  import_line        integer,
  PRIMARY KEY (la_code, event_id),
  UNIQUE (la_code, client_id),
  CHECK ((supersedes IS NULL) = (correction_reason IS NULL)),
  CHECK ((import_batch_id IS NULL) = (import_line IS NULL))
);
COMMENT ON TABLE child_event IS 'Append-only log of everything recorded about a child. Corrections are new events (supersedes, event.voided); rows are never updated or deleted by the application.';
COMMENT ON COLUMN child_event.occurred_at IS 'Business time as recorded: a date, or a date-time with offset where hours matter.';
COMMENT ON COLUMN child_event.occurred_on IS 'The business date in Europe/London, for ordering and timescales.';
COMMENT ON COLUMN child_event.client_id IS 'Idempotency key of the command that recorded the event.';
CREATE INDEX child_event_by_child ON child_event (la_code, child_id, occurred_on, sequence);
CREATE INDEX child_event_by_type ON child_event (la_code, event_type, occurred_on);

CREATE FUNCTION refuse_change_to_child_event() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'child_event is append-only: record a correction instead of changing event %', OLD.event_id;
END;
$$;
CREATE TRIGGER child_event_is_append_only
  BEFORE UPDATE OR DELETE ON child_event
  FOR EACH ROW EXECUTE FUNCTION refuse_change_to_child_event();
