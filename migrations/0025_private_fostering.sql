-- Projections of private fostering: notifications, the arrangements they turned out to be, the
-- visits and the annual reviews, for the private fostering register, its worklist and the figures
-- PF-01 to PF-07. Like the other projections they are rebuilt from child_event with the child's
-- record; records already in the database gain their rows from a rebuild after migrating.
-- safeguard: projections changed

CREATE TABLE private_fostering_notification (
  la_code               text NOT NULL,
  child_id              text NOT NULL,
  notification_id       uuid NOT NULL,
  received_on           date NOT NULL,
  notified_by           text NOT NULL CHECK (notified_by IN ('parent', 'private-foster-carer', 'arranging-person', 'school', 'health', 'other-professional', 'other')),
  timing                text NOT NULL CHECK (timing IN ('proposed', 'existing')),
  arrangement_begins_on date,
  contact_id            uuid,
  forwarded_on          date,
  decision              text CHECK (decision IN ('private-fostering', 'not-private-fostering')),
  decided_on            date,
  closure_reason        text,
  initial_visit_on      date,
  PRIMARY KEY (la_code, notification_id),
  CHECK (forwarded_on IS NULL OR forwarded_on >= received_on),
  CHECK ((decision IS NULL) = (decided_on IS NULL)),
  CHECK (decided_on IS NULL OR decided_on >= received_on),
  CHECK ((closure_reason IS NULL) = (decision IS DISTINCT FROM 'not-private-fostering')),
  CHECK (initial_visit_on IS NULL OR initial_visit_on >= received_on)
);
COMMENT ON TABLE private_fostering_notification IS 'Projection: notifications of private fostering (Children (Private Arrangements for Fostering) Regulations 2005 regs 3 and 4), when the front door forwarded each to the children in need service, and whether it was private fostering.';
COMMENT ON COLUMN private_fostering_notification.timing IS 'proposed: notified before the arrangement began; existing: after.';
COMMENT ON COLUMN private_fostering_notification.initial_visit_on IS 'The first visit after the notification.';
CREATE INDEX private_fostering_notification_by_child ON private_fostering_notification (la_code, child_id);
CREATE INDEX private_fostering_notification_by_received ON private_fostering_notification (la_code, received_on);

CREATE TABLE private_fostering_arrangement (
  la_code                  text NOT NULL,
  child_id                 text NOT NULL,
  arrangement_id           uuid NOT NULL,
  notification_id          uuid NOT NULL,
  confirmed_on             date NOT NULL,
  started_on               date NOT NULL,
  counts_from              date NOT NULL,
  expected_end_on          date,
  reason                   text NOT NULL CHECK (reason IN ('8B', '8C', '8D', '8E', '8F')),
  nationality              text NOT NULL,
  carer_relationship       text NOT NULL,
  carer_person_ids         text[] NOT NULL,
  household_members        integer NOT NULL CHECK (household_members >= 0),
  postcode                 text NOT NULL,
  carer_checks             integer NOT NULL CHECK (carer_checks >= 0),
  carer_checks_with_concerns integer NOT NULL CHECK (carer_checks_with_concerns BETWEEN 0 AND carer_checks),
  suitability_outcome      text,
  suitability_assessed_on  date,
  panel_decision           text,
  panel_decided_on         date,
  ended_on                 date,
  end_reason               text,
  PRIMARY KEY (la_code, arrangement_id),
  UNIQUE (la_code, notification_id),
  CHECK (confirmed_on >= started_on),
  CHECK (counts_from >= started_on),
  CHECK (expected_end_on IS NULL OR expected_end_on > started_on),
  CHECK ((suitability_outcome IS NULL) = (suitability_assessed_on IS NULL)),
  CHECK ((panel_decision IS NULL) = (panel_decided_on IS NULL)),
  CHECK ((ended_on IS NULL) = (end_reason IS NULL)),
  CHECK (ended_on IS NULL OR ended_on >= confirmed_on)
);
COMMENT ON TABLE private_fostering_arrangement IS 'Projection: private fostering arrangements (Children Act 1989 s66), with the latest suitability assessment and panel decision, the checks on the household, and how each ended.';
COMMENT ON COLUMN private_fostering_arrangement.counts_from IS 'The day the arrangement counts from for visits: when it began or, if later, when the council was told (regulation 8).';
COMMENT ON COLUMN private_fostering_arrangement.reason IS 'CIN census factor identified at assessment 8B-8F.';
COMMENT ON COLUMN private_fostering_arrangement.nationality IS 'The child''s nationality: the Standard Safeguarding Dataset''s country code list (ISO 3166 codes), with GB added.';
COMMENT ON COLUMN private_fostering_arrangement.household_members IS 'People of the household other than the carers and the child.';
CREATE INDEX private_fostering_arrangement_by_child ON private_fostering_arrangement (la_code, child_id);
CREATE INDEX private_fostering_arrangement_by_dates ON private_fostering_arrangement (la_code, started_on, ended_on);

CREATE TABLE private_fostering_visit (
  la_code              text NOT NULL,
  child_id             text NOT NULL,
  visit_id             uuid NOT NULL,
  notification_id      uuid NOT NULL,
  visited_on           date NOT NULL,
  visit_kind           text NOT NULL CHECK (visit_kind IN ('initial', 'monitoring')),
  child_seen           boolean NOT NULL,
  seen_alone           boolean NOT NULL,
  report_written_on    date,
  visited_by_worker_id text,
  PRIMARY KEY (la_code, visit_id),
  CHECK (child_seen OR NOT seen_alone),
  CHECK (report_written_on IS NULL OR report_written_on >= visited_on)
);
COMMENT ON TABLE private_fostering_visit IS 'Projection: visits to privately fostered children (regulations 7 and 8): the initial visit after each notification and the monitoring visits after it, whether the child was seen alone and when the report was written.';
CREATE INDEX private_fostering_visit_by_notification ON private_fostering_visit (la_code, notification_id, visited_on);

CREATE TABLE private_fostering_review (
  la_code        text NOT NULL,
  child_id       text NOT NULL,
  review_id      uuid NOT NULL,
  arrangement_id uuid NOT NULL,
  reviewed_on    date NOT NULL,
  outcome        text NOT NULL CHECK (outcome IN ('continues', 'continues-with-requirements', 'should-end')),
  PRIMARY KEY (la_code, review_id)
);
COMMENT ON TABLE private_fostering_review IS 'Projection: the annual reviews of private fostering arrangements at the panel (metrics catalogue PF-06).';
CREATE INDEX private_fostering_review_by_arrangement ON private_fostering_review (la_code, arrangement_id, reviewed_on);
