-- Projections of the child's record, rebuilt from the event log in the same transaction as each
-- write. They exist for queries (lists, figures, duties) and can always be rebuilt from child_event.

CREATE TABLE child (
  la_code              text NOT NULL,
  child_id             text NOT NULL,
  forename             text NOT NULL,
  surname              text NOT NULL,
  date_of_birth        date,
  expected_date_of_birth date,
  sex                  text NOT NULL CHECK (sex IN ('M', 'F', 'U')),
  ethnicity            text NOT NULL,
  disabilities         text[] NOT NULL,
  upn                  text,
  nhs_number           text,
  unaccompanied_asylum_seeking boolean NOT NULL,
  postcode             text,
  status               text NOT NULL,
  allocated_worker_id  text,
  allocated_team_id    text,
  last_sequence        bigint NOT NULL,
  PRIMARY KEY (la_code, child_id)
);
COMMENT ON TABLE child IS 'Projection: each child''s current details and journey status, folded from child_event.';
CREATE INDEX child_by_worker ON child (la_code, allocated_worker_id);
CREATE INDEX child_by_name ON child (la_code, lower(surname), lower(forename));

CREATE TABLE child_relationship (
  la_code          text NOT NULL,
  child_id         text NOT NULL,
  relationship_id  uuid NOT NULL,
  relationship     text NOT NULL,
  related_child_id text,
  related_person_id text,
  related_person_name text,
  parental_responsibility boolean NOT NULL,
  lives_with_child boolean NOT NULL,
  recorded_on      date NOT NULL,
  ended_on         date,
  PRIMARY KEY (la_code, child_id, relationship_id)
);
COMMENT ON TABLE child_relationship IS 'Projection: family and household relationships, for sibling groups and households.';
CREATE INDEX child_relationship_by_related_child ON child_relationship (la_code, related_child_id);

CREATE TABLE household_membership (
  la_code      text NOT NULL,
  child_id     text NOT NULL,
  household_id text NOT NULL,
  joined_on    date NOT NULL,
  left_on      date,
  PRIMARY KEY (la_code, child_id, household_id, joined_on)
);
COMMENT ON TABLE household_membership IS 'Projection: which household a child lived in, and when.';

CREATE TABLE allocation (
  la_code    text NOT NULL,
  child_id   text NOT NULL,
  started_on date NOT NULL,
  started_at text NOT NULL,
  worker_id  text NOT NULL,
  team_id    text NOT NULL,
  ended_on   date,
  PRIMARY KEY (la_code, child_id, started_at, worker_id)
);
COMMENT ON TABLE allocation IS 'Projection: allocation of a child to a worker and team over time (caseloads).';
CREATE INDEX allocation_by_worker ON allocation (la_code, worker_id, started_on);

CREATE TABLE contact (
  la_code       text NOT NULL,
  child_id      text NOT NULL,
  contact_id    uuid NOT NULL,
  received_at   text NOT NULL,
  received_on   date NOT NULL,
  source        text NOT NULL,
  local_source  text,
  primary_reason text NOT NULL,
  other_reasons text[] NOT NULL,
  mash_checks_requested integer NOT NULL,
  mash_checks_completed integer NOT NULL,
  decision      text,
  decided_on    date,
  decided_by_worker_id text,
  PRIMARY KEY (la_code, contact_id)
);
COMMENT ON TABLE contact IS 'Projection: contacts at the front door with their MASH checks and decision.';
CREATE INDEX contact_by_received ON contact (la_code, received_on);

CREATE TABLE cin_episode (
  la_code       text NOT NULL,
  child_id      text NOT NULL,
  episode_id    uuid NOT NULL,
  referral_on   date NOT NULL,
  source        text NOT NULL,
  contact_id    uuid,
  closed_on     date,
  reason_for_closure text,
  primary_need  text,
  referral_nfa  boolean NOT NULL,
  PRIMARY KEY (la_code, episode_id),
  CHECK (closed_on IS NULL OR closed_on >= referral_on)
);
COMMENT ON TABLE cin_episode IS 'Projection: children-in-need episodes (one per referral), as returned in the CIN census.';
CREATE INDEX cin_episode_by_child ON cin_episode (la_code, child_id, referral_on);

CREATE TABLE assessment (
  la_code       text NOT NULL,
  child_id      text NOT NULL,
  assessment_id uuid NOT NULL,
  episode_id    uuid NOT NULL,
  started_on    date NOT NULL,
  completed_on  date,
  factors       text[],
  outcome       text,
  PRIMARY KEY (la_code, assessment_id),
  CHECK (completed_on IS NULL OR completed_on >= started_on)
);
COMMENT ON TABLE assessment IS 'Projection: child and family assessments.';

CREATE TABLE section_47_enquiry (
  la_code       text NOT NULL,
  child_id      text NOT NULL,
  section_47_id uuid NOT NULL,
  episode_id    uuid NOT NULL,
  started_on    date NOT NULL,
  completed_on  date,
  outcome       text,
  icpc_required boolean,
  icpc_on       date,
  PRIMARY KEY (la_code, section_47_id)
);
COMMENT ON TABLE section_47_enquiry IS 'Projection: section 47 enquiries, started on the date of the strategy discussion.';

CREATE TABLE cp_plan (
  la_code          text NOT NULL,
  child_id         text NOT NULL,
  plan_id          uuid NOT NULL,
  episode_id       uuid NOT NULL,
  started_on       date NOT NULL,
  prebirth         boolean NOT NULL,
  initial_category text NOT NULL,
  latest_category  text NOT NULL,
  number_of_previous_plans integer NOT NULL CHECK (number_of_previous_plans >= 0),
  review_conferences integer NOT NULL,
  ended_on         date,
  end_reason       text,
  PRIMARY KEY (la_code, plan_id),
  CHECK (ended_on IS NULL OR ended_on >= started_on)
);
COMMENT ON TABLE cp_plan IS 'Projection: child protection plans with categories and the number of previous plans.';
CREATE INDEX cp_plan_by_dates ON cp_plan (la_code, started_on, ended_on);

CREATE TABLE duty (
  la_code     text NOT NULL,
  child_id    text NOT NULL,
  rule_id     text NOT NULL,
  subject_id  text NOT NULL,
  occurrence  integer NOT NULL CHECK (occurrence >= 1),
  opened_on   date NOT NULL,
  opened_by_event_id uuid NOT NULL,
  started_on  date NOT NULL,
  started_at  timestamptz,
  unit        text NOT NULL,
  due_on      date NOT NULL,
  due_at      timestamptz,
  closed_on   date,
  closed_at   timestamptz,
  closure     text CHECK (closure IN ('met', 'cancelled')),
  closed_by_event_id uuid,
  PRIMARY KEY (la_code, child_id, rule_id, subject_id, occurrence),
  CHECK ((closed_on IS NULL) = (closure IS NULL))
);
COMMENT ON TABLE duty IS 'Projection: statutory and local timescale duties computed from the event log by the timescale rules.';
CREATE INDEX duty_open_as_at ON duty (la_code, opened_on, closed_on);
