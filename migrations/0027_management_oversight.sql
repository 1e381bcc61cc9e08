-- Management oversight and approval: each assessment, plan or closure a worker has submitted for
-- a manager's authorisation, where it stands, the team it routes to, and the authorisation date
-- the statutory returns use. Like the other projections it is rebuilt from child_event with the
-- child's record; records already in the database gain their rows from a rebuild after migrating.
-- safeguard: projections changed

CREATE TABLE authorisation (
  la_code                 text NOT NULL,
  child_id                text NOT NULL,
  subject_id              uuid NOT NULL,
  subject                 text NOT NULL CHECK (subject IN ('assessment', 'cin-plan', 'cp-plan', 'closure')),
  episode_id              uuid NOT NULL,
  status                  text NOT NULL CHECK (status IN ('awaiting-authorisation', 'returned', 'authorised')),
  submitted_on            date NOT NULL,
  submitted_by_user       text NOT NULL,
  submitted_by_worker_id  text,
  returned_on             date,
  authorised_on           date,
  authorised_by_user      text,
  authorised_by_worker_id text,
  team_id                 text,
  allocated_worker_id     text,
  PRIMARY KEY (la_code, subject_id),
  CHECK ((status = 'authorised') = (authorised_on IS NOT NULL)),
  CHECK ((authorised_on IS NULL) = (authorised_by_user IS NULL)),
  CHECK (authorised_on IS NULL OR authorised_on >= submitted_on),
  CHECK (status <> 'returned' OR returned_on IS NOT NULL),
  -- A manager never authorises what they submitted themselves.
  CHECK (authorised_by_user IS DISTINCT FROM submitted_by_user)
);
COMMENT ON TABLE authorisation IS 'Projection: assessments, plans and closures submitted for a manager''s authorisation, where each stands (awaiting, returned to the worker, authorised), the team of the child''s allocated worker it routes to, and the authorisation date the statutory returns use (authorised_on).';
COMMENT ON COLUMN authorisation.subject_id IS 'The assessment''s or plan''s id on the child''s record; for a closure, the episode''s.';
COMMENT ON COLUMN authorisation.submitted_on IS 'The latest submission: an item returned and submitted again waits from the second submission.';
COMMENT ON COLUMN authorisation.authorised_on IS 'The authorisation date: for an assessment, the children in need census''s assessment authorisation date.';
COMMENT ON COLUMN authorisation.team_id IS 'The team of the child''s allocated worker: the team whose manager the item routes to. Null when the child is not allocated.';
CREATE INDEX authorisation_by_child ON authorisation (la_code, child_id);
-- A manager's worktray: the items awaiting authorisation routed to a team, the longest waiting first.
CREATE INDEX authorisation_awaiting_by_team ON authorisation (la_code, team_id, submitted_on) WHERE status = 'awaiting-authorisation';
CREATE INDEX authorisation_authorised_on ON authorisation (la_code, authorised_on) WHERE authorised_on IS NOT NULL;
