-- Teams and workers: reference data that allocations and duties point at.

CREATE TABLE team (
  la_code  text NOT NULL CHECK (la_code ~ '^\d{3}$'),
  team_id  text NOT NULL,
  name     text NOT NULL,
  service  text NOT NULL,
  PRIMARY KEY (la_code, team_id)
);
COMMENT ON TABLE team IS 'A team in children''s services (front door, assessment, child protection, ...).';

CREATE TABLE worker (
  la_code    text NOT NULL,
  worker_id  text NOT NULL,
  name       text NOT NULL,
  role       text NOT NULL,
  team_id    text NOT NULL,
  agency     text NOT NULL DEFAULT 'childrens-social-care',
  started_on date NOT NULL,
  left_on    date,
  PRIMARY KEY (la_code, worker_id),
  FOREIGN KEY (la_code, team_id) REFERENCES team (la_code, team_id),
  CHECK (left_on IS NULL OR left_on >= started_on)
);
COMMENT ON TABLE worker IS 'A practitioner or manager; caseloads come from allocations on children''s records.';
