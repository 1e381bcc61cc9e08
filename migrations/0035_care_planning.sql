-- Projections of care planning for children looked after: each period of care with its IRO, the
-- looked-after reviews, the social worker's visits, health assessments, dental checks and mental
-- health screenings, permanency planning meetings, personal education plans and school attendance,
-- for the IRO's worklist and the figures CLA-17 to CLA-27. Like the other projections they are
-- rebuilt from child_event with the child's record.
-- safeguard: projections changed

CREATE TABLE care_planning_period (
  la_code           text NOT NULL,
  child_id          text NOT NULL,
  period_id         uuid NOT NULL,
  started_on        date NOT NULL,
  ceased_on         date,
  short_breaks_only boolean NOT NULL,
  iro_worker_id     text,
  care_plan_on      date,
  permanence_plan   text,
  PRIMARY KEY (la_code, period_id),
  CHECK (ceased_on IS NULL OR ceased_on >= started_on)
);
COMMENT ON TABLE care_planning_period IS 'Projection: each period of care as care planning counts it (read from the looked-after state), with the IRO allocated, the first care plan and the latest permanence plan.';
COMMENT ON COLUMN care_planning_period.short_breaks_only IS 'Every episode a short break (903 legal status V3/V4): CPPCR reg 48; left out of the OC2 population.';
CREATE INDEX care_planning_period_by_child ON care_planning_period (la_code, child_id);
CREATE INDEX care_planning_period_by_iro ON care_planning_period (la_code, iro_worker_id) WHERE ceased_on IS NULL;

CREATE TABLE care_planning_review (
  la_code       text NOT NULL,
  child_id      text NOT NULL,
  review_id     uuid NOT NULL,
  period_id     uuid NOT NULL,
  held_on       date NOT NULL,
  review_number integer NOT NULL CHECK (review_number >= 1),
  iro_worker_id text,
  participation text NOT NULL CHECK (participation IN ('PN0', 'PN1', 'PN2', 'PN3', 'PN4', 'PN5', 'PN6', 'PN7')),
  PRIMARY KEY (la_code, review_id)
);
COMMENT ON TABLE care_planning_review IS 'Projection: looked-after reviews (CPPCR reg 33; 903 Reviews REVIEW and REVIEW_CODE), every one, numbered within the period of care.';
CREATE INDEX care_planning_review_by_held ON care_planning_review (la_code, held_on);

CREATE TABLE care_planning_visit (
  la_code              text NOT NULL,
  child_id             text NOT NULL,
  visit_id             uuid NOT NULL,
  period_id            uuid NOT NULL,
  placement_id         uuid,
  visited_on           date NOT NULL,
  child_seen           boolean NOT NULL,
  seen_alone           boolean NOT NULL,
  location             text NOT NULL,
  visited_by_worker_id text,
  next_visit_within    text,
  PRIMARY KEY (la_code, visit_id),
  CHECK (child_seen OR NOT seen_alone)
);
COMMENT ON TABLE care_planning_visit IS 'Projection: social worker visits to children looked after (CPPCR reg 28), and the interval the next was due within.';
CREATE INDEX care_planning_visit_by_visited ON care_planning_visit (la_code, visited_on);

CREATE TABLE care_planning_health (
  la_code           text NOT NULL,
  child_id          text NOT NULL,
  item_id           uuid NOT NULL,
  period_id         uuid NOT NULL,
  kind              text NOT NULL CHECK (kind IN ('initial-health-assessment', 'review-health-assessment', 'dental-check', 'mental-health-screening')),
  on_date           date NOT NULL,
  outcome           text,
  referred_to_camhs boolean,
  PRIMARY KEY (la_code, item_id),
  CHECK ((kind = 'mental-health-screening') = (outcome IS NOT NULL))
);
COMMENT ON TABLE care_planning_health IS 'Projection: health assessments (CPPCR reg 7), dental checks and mental health screenings of children looked after (903 OC2 HEALTH_ASSESSMENT, TEETH_CHECK; CLA-20 to CLA-22).';
CREATE INDEX care_planning_health_by_child ON care_planning_health (la_code, child_id, kind, on_date);

CREATE TABLE care_planning_permanency_meeting (
  la_code    text NOT NULL,
  child_id   text NOT NULL,
  meeting_id uuid NOT NULL,
  period_id  uuid NOT NULL,
  held_on    date NOT NULL,
  due_by     date,
  PRIMARY KEY (la_code, meeting_id)
);
COMMENT ON TABLE care_planning_permanency_meeting IS 'Projection: permanency planning meetings, with the day the protocol wanted them by (the second looked-after review; CLA-26).';
CREATE INDEX care_planning_permanency_meeting_by_period ON care_planning_permanency_meeting (la_code, period_id);

CREATE TABLE care_planning_pep (
  la_code     text NOT NULL,
  child_id    text NOT NULL,
  pep_id      uuid NOT NULL,
  period_id   uuid NOT NULL,
  held_on     date NOT NULL,
  school_year integer NOT NULL,
  term        text NOT NULL CHECK (term IN ('autumn', 'spring', 'summer')),
  PRIMARY KEY (la_code, pep_id)
);
COMMENT ON TABLE care_planning_pep IS 'Projection: personal education plan meetings, each in its term (autumn September–December, spring January–April, summer May–August).';
CREATE INDEX care_planning_pep_by_period ON care_planning_pep (la_code, period_id, held_on);

CREATE TABLE care_planning_attendance (
  la_code     text NOT NULL,
  child_id    text NOT NULL,
  school_year integer NOT NULL,
  term        text NOT NULL CHECK (term IN ('autumn', 'spring', 'summer')),
  percent     numeric NOT NULL CHECK (percent BETWEEN 0 AND 100),
  recorded_on date NOT NULL,
  PRIMARY KEY (la_code, child_id, school_year, term)
);
COMMENT ON TABLE care_planning_attendance IS 'Projection: school attendance of children looked after, per cent of possible sessions in each term.';
