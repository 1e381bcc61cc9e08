-- Projections of child in need plans and strategy discussions, for the figures that need them
-- (CIN-06, CIN-07, CP-11). Rebuilt with the child's other projections on every write; records
-- already in the database gain their rows from a rebuild of the projections after migrating.
-- safeguard: projections changed

CREATE TABLE cin_plan (
  la_code      text NOT NULL,
  child_id     text NOT NULL,
  cin_plan_id  uuid NOT NULL,
  episode_id   uuid NOT NULL,
  started_on   date NOT NULL,
  ended_on     date,
  PRIMARY KEY (la_code, cin_plan_id),
  CHECK (ended_on IS NULL OR ended_on >= started_on)
);
COMMENT ON TABLE cin_plan IS 'Projection: child in need plans (CIN census CINPlanStartDate and CINPlanEndDate); a plan left open when its episode closed ends with the episode.';
CREATE INDEX cin_plan_by_child ON cin_plan (la_code, child_id);
CREATE INDEX cin_plan_by_dates ON cin_plan (la_code, started_on, ended_on);

CREATE TABLE strategy_discussion (
  la_code                text NOT NULL,
  child_id               text NOT NULL,
  strategy_discussion_id uuid NOT NULL,
  episode_id             uuid NOT NULL,
  held_on                date NOT NULL,
  decision               text NOT NULL CHECK (decision IN ('section-47', 'no-section-47')),
  PRIMARY KEY (la_code, strategy_discussion_id)
);
COMMENT ON TABLE strategy_discussion IS 'Projection: strategy discussions, with or without a section 47 enquiry (one decided on section 47 starts the enquiry of the same id).';
CREATE INDEX strategy_discussion_by_child ON strategy_discussion (la_code, child_id);
CREATE INDEX strategy_discussion_by_held ON strategy_discussion (la_code, held_on);
