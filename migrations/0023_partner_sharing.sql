-- Why a child's record is shared with a partner agency, and until when (issue 14, finding 9).
-- Before this, a partner agency saw a child for ever once it had been asked for a MASH check or
-- had attended a strategy discussion, found by scanning the event log's JSON. Now each reason is
-- a projection row kept with the record's other projections, and the access condition is an
-- indexed lookup: shared while the work is open (ended_on NULL) or for the configured period
-- after it ended (SAFEGUARD_PARTNER_SHARING_DAYS, applied when reading). Records already in the
-- database gain their rows from a rebuild of the projections after migrating.
-- safeguard: projections changed

CREATE TABLE partner_sharing (
  la_code    text NOT NULL,
  child_id   text NOT NULL,
  agency     text NOT NULL,
  reason     text NOT NULL CHECK (reason IN ('own-contact', 'own-referral', 'mash-check', 'strategy-discussion', 'child-protection-conference', 'child-protection-plan')),
  subject_id text NOT NULL,
  started_on date NOT NULL,
  ended_on   date,
  PRIMARY KEY (la_code, child_id, agency, reason, subject_id),
  CHECK (ended_on IS NULL OR ended_on >= started_on)
);
COMMENT ON TABLE partner_sharing IS 'Projection: each reason a child is shared with a partner agency (its own contact or referral, a MASH check, a strategy discussion, a conference or plan it attended), from when, and when that work ended (NULL while open).';
COMMENT ON COLUMN partner_sharing.subject_id IS 'The contact, episode, strategy discussion, conference or plan the child is shared for.';
-- An agency's children, for its lists: those whose work is open or ended lately.
CREATE INDEX partner_sharing_by_agency ON partner_sharing (la_code, agency, ended_on, child_id);
