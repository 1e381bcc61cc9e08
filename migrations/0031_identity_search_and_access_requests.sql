-- Finding a child across the council without seeing what one may not: a normalised form of each
-- child's names for identity search (src/modules/identity/), requests for access to a record
-- outside the reader's scope and their decisions, and merges of duplicate records with what each
-- merge copied, so that a merge can be reversed. Rows are added, never changed: a decision is a
-- row of its own, a reversal is a row of its own.
-- safeguard: projections changed

-- Each name of the child in plain letters (accents and other scripts transliterated), and its
-- sound keys (double metaphone, prefixed '#'): 'Zoë O''Brien-Łukasz' gives zoe, obrien, o, brien,
-- lukasz and their keys. Filled by the people module's projection of the child (a rebuild after
-- this migration fills the rows already there).
ALTER TABLE child ADD COLUMN name_keys text[] NOT NULL DEFAULT '{}';
COMMENT ON COLUMN child.name_keys IS 'The child''s names normalised for identity search: plain-letter words and their sound keys (prefixed #).';
CREATE INDEX child_by_name_key ON child USING gin (name_keys);
CREATE INDEX child_by_date_of_birth ON child (la_code, date_of_birth);

CREATE TABLE access_request (
  la_code           text        NOT NULL CHECK (la_code ~ '^\d{3}$'),
  request_id        uuid        NOT NULL,
  child_id          text        NOT NULL,
  requested_by      text        NOT NULL,
  requested_by_name text        NOT NULL,
  requested_by_role text        NOT NULL,
  reason            text        NOT NULL CHECK (length(btrim(reason)) BETWEEN 1 AND 1000),
  -- The team of the worker the child is allocated to when asked; null: the child is not
  -- allocated, and the request goes to the service managers.
  routed_to_team_id text,
  requested_at      timestamptz NOT NULL,
  PRIMARY KEY (la_code, request_id)
);
COMMENT ON TABLE access_request IS 'Requests, with a reason, to see a child''s record outside the requester''s scope, routed to the record''s team manager.';
CREATE INDEX access_request_by_team ON access_request (la_code, routed_to_team_id, requested_at);
CREATE INDEX access_request_by_requester ON access_request (la_code, requested_by, requested_at);

CREATE TABLE access_request_decision (
  la_code        text        NOT NULL,
  request_id     uuid        NOT NULL,
  -- The request's child and requester again, so that the access condition is one indexed lookup.
  child_id       text        NOT NULL,
  requested_by   text        NOT NULL,
  decision       text        NOT NULL CHECK (decision IN ('granted', 'refused')),
  reason         text        CHECK (reason IS NULL OR length(btrim(reason)) BETWEEN 1 AND 1000),
  decided_by     text        NOT NULL,
  decided_at     timestamptz NOT NULL,
  access_ends_at timestamptz,
  PRIMARY KEY (la_code, request_id),
  FOREIGN KEY (la_code, request_id) REFERENCES access_request (la_code, request_id),
  CHECK ((decision = 'granted') = (access_ends_at IS NOT NULL)),
  CHECK (decision = 'granted' OR reason IS NOT NULL),
  CHECK (access_ends_at IS NULL OR access_ends_at > decided_at)
);
COMMENT ON TABLE access_request_decision IS 'A manager''s decision on an access request: granted until a time (the record is then in the requester''s scope), or refused with a reason.';
CREATE INDEX access_request_decision_granted ON access_request_decision (la_code, child_id, requested_by, access_ends_at) WHERE decision = 'granted';

CREATE TABLE child_merge (
  la_code            text        NOT NULL CHECK (la_code ~ '^\d{3}$'),
  merge_id           uuid        NOT NULL,
  merged_child_id    text        NOT NULL,
  surviving_child_id text        NOT NULL,
  reason             text        NOT NULL CHECK (length(btrim(reason)) BETWEEN 1 AND 1000),
  merged_by          text        NOT NULL,
  merged_at          timestamptz NOT NULL,
  PRIMARY KEY (la_code, merge_id),
  CHECK (merged_child_id <> surviving_child_id)
);
COMMENT ON TABLE child_merge IS 'A duplicate child''s record merged into the surviving record: its events were copied there, and it now says where it went.';
CREATE INDEX child_merge_by_merged_child ON child_merge (la_code, merged_child_id);
CREATE INDEX child_merge_by_surviving_child ON child_merge (la_code, surviving_child_id);

CREATE TABLE child_merge_copied_event (
  la_code         text NOT NULL,
  merge_id        uuid NOT NULL,
  source_child_id text NOT NULL,
  source_event_id uuid NOT NULL,
  copied_event_id uuid NOT NULL,
  PRIMARY KEY (la_code, merge_id, source_event_id),
  FOREIGN KEY (la_code, merge_id) REFERENCES child_merge (la_code, merge_id)
);
COMMENT ON TABLE child_merge_copied_event IS 'Where each event copied by a merge came from: the duplicate child and the event there.';
CREATE INDEX child_merge_copied_event_by_copy ON child_merge_copied_event (la_code, copied_event_id);

CREATE TABLE child_merge_reversal (
  la_code     text        NOT NULL,
  merge_id    uuid        NOT NULL,
  reason      text        NOT NULL CHECK (length(btrim(reason)) BETWEEN 1 AND 1000),
  reversed_by text        NOT NULL,
  reversed_at timestamptz NOT NULL,
  PRIMARY KEY (la_code, merge_id),
  FOREIGN KEY (la_code, merge_id) REFERENCES child_merge (la_code, merge_id)
);
COMMENT ON TABLE child_merge_reversal IS 'A merge undone: the copied events voided on the surviving record, and the duplicate''s record open again.';

CREATE TRIGGER access_request_is_append_only BEFORE UPDATE OR DELETE ON access_request FOR EACH ROW EXECUTE FUNCTION refuse_change_to_record();
CREATE TRIGGER access_request_decision_is_append_only BEFORE UPDATE OR DELETE ON access_request_decision FOR EACH ROW EXECUTE FUNCTION refuse_change_to_record();
CREATE TRIGGER child_merge_is_append_only BEFORE UPDATE OR DELETE ON child_merge FOR EACH ROW EXECUTE FUNCTION refuse_change_to_record();
CREATE TRIGGER child_merge_copied_event_is_append_only BEFORE UPDATE OR DELETE ON child_merge_copied_event FOR EACH ROW EXECUTE FUNCTION refuse_change_to_record();
CREATE TRIGGER child_merge_reversal_is_append_only BEFORE UPDATE OR DELETE ON child_merge_reversal FOR EACH ROW EXECUTE FUNCTION refuse_change_to_record();
