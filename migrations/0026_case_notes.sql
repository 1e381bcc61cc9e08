-- Case notes (issue 16): each note that counts on a child's record, for the record's notes view and
-- full-text search over the notes a reader may see. Like the other projections it is rebuilt from
-- child_event with the child's record; records already in the database gain their rows from a
-- rebuild after migrating.
-- safeguard: projections changed

CREATE TABLE case_note (
  la_code              text NOT NULL,
  child_id             text NOT NULL,
  note_id              uuid NOT NULL,
  event_id             uuid NOT NULL,
  note_type            text NOT NULL CHECK (note_type IN ('home-visit', 'office-visit', 'phone-call', 'direct-work', 'management-oversight',
                                                         'supervision-discussion', 'multi-agency-meeting', 'other')),
  occurred_at          text NOT NULL,
  occurred_on          date NOT NULL,
  present              text[] NOT NULL,
  narrative            text NOT NULL CHECK (narrative <> ''),
  voice_of_the_child   text,
  linked_event_id      uuid,
  written_by_worker_id text,
  household_id         text,
  household_note_id    uuid,
  corrected            boolean NOT NULL,
  -- What full-text search matches: the narrative and the child's own words, in English stemming.
  search_vector        tsvector GENERATED ALWAYS AS (
                         to_tsvector('english'::regconfig, narrative || ' ' || coalesce(voice_of_the_child, ''))) STORED,
  PRIMARY KEY (la_code, child_id, note_id),
  CHECK ((household_id IS NULL) = (household_note_id IS NULL)),
  CHECK (household_id IS NULL OR linked_event_id IS NULL),
  CHECK (corrected = (event_id <> note_id))
);
COMMENT ON TABLE case_note IS 'Projection: the case notes on each child''s record that count now (the latest version of each; voided ones left out), with their text and full-text search vector. A household note is one row on each member child''s record, sharing household_note_id.';
COMMENT ON COLUMN case_note.note_id IS 'The event id of the note''s first version: the same through corrections, and what documents and links name the note by.';
COMMENT ON COLUMN case_note.occurred_at IS 'When the visit, call or meeting took place, as recorded: a date, or a date and time with its offset.';
COMMENT ON COLUMN case_note.search_vector IS 'to_tsvector(english) of the narrative and the voice of the child, for GET /api/v1/case-notes/search.';
CREATE INDEX case_note_search ON case_note USING gin (search_vector);
CREATE INDEX case_note_by_date ON case_note (la_code, occurred_on);
CREATE INDEX case_note_by_household_note ON case_note (la_code, household_note_id) WHERE household_note_id IS NOT NULL;
