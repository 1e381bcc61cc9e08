-- Tasks and supervision. Tasks are events on a child's record; child_task is their projection, so
-- that My work finds a worker's and a team's open tasks by an index lookup. A supervision session
-- belongs to the worker supervised, not to one child: supervision_session keeps it, append-only,
-- each change a new version. Each child's case discussed in a session is also an event on that
-- child's record (management oversight), projected into supervision_case_discussion. Like the other
-- projections, child_task and supervision_case_discussion are rebuilt from child_event.
-- safeguard: projections changed

CREATE TABLE child_task (
  la_code          text NOT NULL,
  child_id         text NOT NULL,
  task_id          uuid NOT NULL,
  description      text NOT NULL CHECK (length(description) BETWEEN 1 AND 1000),
  source_kind      text NOT NULL CHECK (source_kind IN ('strategy-discussion', 'core-group', 'conference', 'supervision', 'visit', 'other')),
  source_event_id  uuid,
  set_on           date NOT NULL,
  due_on           date NOT NULL,
  team_id          text NOT NULL,
  worker_id        text,
  status           text NOT NULL CHECK (status IN ('open', 'completed', 'cancelled')),
  closed_on        date,
  PRIMARY KEY (la_code, task_id),
  CHECK (due_on >= set_on),
  CHECK ((status = 'open') = (closed_on IS NULL)),
  CHECK (closed_on IS NULL OR closed_on >= set_on)
);
COMMENT ON TABLE child_task IS 'Projection: tasks set about a child (from a strategy discussion, core group, conference, supervision or other work), whom each is given to now, and whether it is open.';
COMMENT ON COLUMN child_task.worker_id IS 'The worker the task is given to; null: given to the team, for any of its workers to take.';
CREATE INDEX child_task_by_child ON child_task (la_code, child_id);
CREATE INDEX child_task_open_by_worker ON child_task (la_code, worker_id, due_on) WHERE status = 'open';
CREATE INDEX child_task_open_by_team ON child_task (la_code, team_id, due_on) WHERE status = 'open';

CREATE TABLE supervision_case_discussion (
  la_code              text NOT NULL,
  child_id             text NOT NULL,
  discussion_id        uuid NOT NULL,
  supervision_id       uuid NOT NULL,
  held_on              date NOT NULL,
  worker_id            text NOT NULL,
  supervisor_worker_id text NOT NULL,
  discussion           text NOT NULL CHECK (length(discussion) >= 1),
  decisions            text,
  PRIMARY KEY (la_code, discussion_id),
  CHECK (worker_id <> supervisor_worker_id)
);
COMMENT ON TABLE supervision_case_discussion IS 'Projection: each discussion of a child''s case in a worker''s supervision (management oversight), folded from the supervision.case-discussed events of the child''s record.';
CREATE INDEX supervision_case_discussion_by_child ON supervision_case_discussion (la_code, child_id);
CREATE INDEX supervision_case_discussion_by_session ON supervision_case_discussion (la_code, supervision_id);

CREATE TABLE supervision_session (
  la_code              text NOT NULL,
  supervision_id       uuid NOT NULL,
  version              integer NOT NULL CHECK (version >= 1),
  worker_id            text NOT NULL,
  supervisor_worker_id text NOT NULL,
  held_on              date NOT NULL,
  notes                text CHECK (notes IS NULL OR length(notes) <= 4000),
  recorded_at          timestamptz NOT NULL DEFAULT now(),
  recorded_by_user     text NOT NULL,
  recorded_by_role     text NOT NULL,
  correction_reason    text,
  PRIMARY KEY (la_code, supervision_id, version),
  FOREIGN KEY (la_code, worker_id) REFERENCES worker (la_code, worker_id),
  FOREIGN KEY (la_code, supervisor_worker_id) REFERENCES worker (la_code, worker_id),
  CHECK (worker_id <> supervisor_worker_id),
  CHECK ((version = 1) = (correction_reason IS NULL))
);
COMMENT ON TABLE supervision_session IS 'A worker''s supervision sessions: who supervised them and when, and the worker''s own part (wellbeing, workload, learning). Append-only: a correction is a new version with its reason. The case discussions are events on each child''s record (supervision_case_discussion).';
CREATE INDEX supervision_session_by_worker ON supervision_session (la_code, worker_id, held_on DESC);
CREATE TRIGGER supervision_session_is_append_only BEFORE UPDATE OR DELETE ON supervision_session FOR EACH ROW EXECUTE FUNCTION refuse_change_to_record();
CREATE TRIGGER supervision_session_cannot_be_emptied BEFORE TRUNCATE ON supervision_session FOR EACH STATEMENT EXECUTE FUNCTION refuse_truncate_of_record();
