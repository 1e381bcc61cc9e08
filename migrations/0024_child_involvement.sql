-- What each child is involved in now (a contact awaiting a decision, a section 47 enquiry, a child
-- protection plan…), from every module's involvements, so that lists of children (search, related
-- children, the due list) show every involvement beside the one-word status, and search can find
-- the children in one kind of work. Kept with the record's other projections on every write;
-- records already in the database gain their rows from a rebuild of the projections after migrating.
-- safeguard: projections changed

CREATE TABLE child_involvement (
  la_code  text    NOT NULL,
  child_id text    NOT NULL,
  kind     text    NOT NULL CHECK (kind ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  label    text    NOT NULL,
  since    date    NOT NULL,
  rank     integer NOT NULL,
  PRIMARY KEY (la_code, child_id, kind)
);
COMMENT ON TABLE child_involvement IS 'Projection: each child''s current involvements (one per kind), from every module; the status in child is the kind of the highest-ranked.';
COMMENT ON COLUMN child_involvement.kind IS 'Stable and kebab-case, what lists filter by: contact, referral, assessment, child-in-need, section-47, child-protection-plan, …';
COMMENT ON COLUMN child_involvement.rank IS 'How far along the child''s journey the involvement stands: lists show the highest first.';
-- The children in one kind of work, for a search filtered by involvement.
CREATE INDEX child_involvement_by_kind ON child_involvement (la_code, kind, child_id);
