-- Projections of youth justice: the youth justice service's involvement with each child, how each
-- offence was dealt with, the court orders, remands, PACE transfers and joint meetings with
-- children's social care, for the youth justice worklist, the figures CLA-15, CLA-16, CLA-23 and
-- youth justice's own, and retention. youth_justice_care_episode copies each child's SSDA903
-- episodes from the looked-after state (read through that module's index), so youth justice's
-- figures read no other module's table. Like the other projections they are rebuilt from
-- child_event with the child's record.
-- safeguard: projections changed

CREATE TABLE youth_justice_involvement (
  la_code             text NOT NULL,
  child_id            text NOT NULL,
  involvement_id      uuid NOT NULL,
  started_on          date NOT NULL,
  reason              text NOT NULL CHECK (reason IN ('out-of-court-disposal', 'court-order', 'remand', 'bail', 'other')),
  worker_id           text,
  worker_allocated_on date,
  ended_on            date,
  end_reason          text,
  PRIMARY KEY (la_code, involvement_id),
  CHECK ((worker_id IS NULL) = (worker_allocated_on IS NULL)),
  CHECK (worker_allocated_on IS NULL OR worker_allocated_on >= started_on),
  CHECK ((ended_on IS NULL) = (end_reason IS NULL)),
  CHECK (ended_on IS NULL OR ended_on >= started_on)
);
COMMENT ON TABLE youth_justice_involvement IS 'Projection: each time the youth justice service was involved with a child ("known to the youth justice service"), with the youth justice worker last allocated.';
CREATE INDEX youth_justice_involvement_by_child ON youth_justice_involvement (la_code, child_id);
CREATE INDEX youth_justice_involvement_by_dates ON youth_justice_involvement (la_code, started_on, ended_on);

CREATE TABLE youth_justice_offence_outcome (
  la_code     text NOT NULL,
  child_id    text NOT NULL,
  outcome_id  uuid NOT NULL,
  offence_on  date NOT NULL,
  outcome_on  date NOT NULL,
  outcome     text NOT NULL CHECK (outcome IN ('conviction', 'final-warning', 'reprimand', 'youth-caution', 'youth-conditional-caution', 'community-resolution')),
  court       text,
  sentence    text,
  PRIMARY KEY (la_code, outcome_id),
  CHECK (offence_on <= outcome_on),
  CHECK ((outcome = 'conviction') = (sentence IS NOT NULL))
);
COMMENT ON TABLE youth_justice_offence_outcome IS 'Projection: how each offence was dealt with. Conviction, final warning, reprimand, youth caution and youth conditional caution are formal outcomes (SSDA903 OC2 CONVICTED; first-time entrants); a community resolution is not.';
CREATE INDEX youth_justice_offence_outcome_by_child ON youth_justice_offence_outcome (la_code, child_id, outcome_on);
CREATE INDEX youth_justice_offence_outcome_by_date ON youth_justice_offence_outcome (la_code, outcome_on);

CREATE TABLE youth_justice_court_order (
  la_code     text NOT NULL,
  child_id    text NOT NULL,
  order_id    uuid NOT NULL,
  order_type  text NOT NULL,
  made_on     date NOT NULL,
  court       text NOT NULL,
  ends_on     date NOT NULL,
  ended_on    date,
  end_reason  text,
  PRIMARY KEY (la_code, order_id),
  CHECK (ends_on > made_on),
  CHECK ((ended_on IS NULL) = (end_reason IS NULL)),
  CHECK (ended_on IS NULL OR ended_on >= made_on)
);
COMMENT ON TABLE youth_justice_court_order IS 'Projection: referral orders, youth rehabilitation orders (with or without a residence or intensive fostering requirement: SSDA903 J3) and detention and training orders, from the day made to the day ended.';
CREATE INDEX youth_justice_court_order_by_child ON youth_justice_court_order (la_code, child_id);

CREATE TABLE youth_justice_remand (
  la_code      text NOT NULL,
  child_id     text NOT NULL,
  remand_id    uuid NOT NULL,
  remanded_on  date NOT NULL,
  court        text NOT NULL,
  remand_type  text NOT NULL CHECK (remand_type IN ('local-authority-accommodation', 'youth-detention-accommodation')),
  ended_on     date,
  end_reason   text,
  PRIMARY KEY (la_code, remand_id),
  CHECK ((ended_on IS NULL) = (end_reason IS NULL)),
  CHECK (ended_on IS NULL OR ended_on >= remanded_on)
);
COMMENT ON TABLE youth_justice_remand IS 'Projection: the court''s remands of children (LASPO 2012 ss.91-102). Either kind makes the child looked after (s104; SSDA903 J1), which the looked-after module records.';
CREATE INDEX youth_justice_remand_by_date ON youth_justice_remand (la_code, remanded_on);

CREATE TABLE youth_justice_pace_transfer (
  la_code        text NOT NULL,
  child_id       text NOT NULL,
  transfer_id    uuid NOT NULL,
  transferred_on date NOT NULL,
  ended_on       date,
  PRIMARY KEY (la_code, transfer_id),
  CHECK (ended_on IS NULL OR ended_on >= transferred_on)
);
COMMENT ON TABLE youth_justice_pace_transfer IS 'Projection: transfers of children charged and refused bail to council accommodation (PACE 1984 s38(6); SSDA903 J2).';

CREATE TABLE youth_justice_joint_meeting (
  la_code        text NOT NULL,
  child_id       text NOT NULL,
  meeting_id     uuid NOT NULL,
  held_on        date NOT NULL,
  kind           text NOT NULL CHECK (kind IN ('joint-supervision', 'joint-planning-meeting')),
  attendee_roles text[] NOT NULL,
  PRIMARY KEY (la_code, meeting_id)
);
COMMENT ON TABLE youth_justice_joint_meeting IS 'Projection: joint supervision and planning meetings of children''s social care and the youth justice service about a child.';
CREATE INDEX youth_justice_joint_meeting_by_child ON youth_justice_joint_meeting (la_code, child_id, held_on);

CREATE TABLE youth_justice_care_episode (
  la_code           text NOT NULL,
  child_id          text NOT NULL,
  episode_id        text NOT NULL,
  period_id         text NOT NULL,
  period_started_on date NOT NULL,
  period_ceased_on  date,
  short_breaks_only boolean NOT NULL,
  started_on        date NOT NULL,
  ended_on          date,
  legal_status      text NOT NULL,
  placement_type    text NOT NULL,
  PRIMARY KEY (la_code, episode_id),
  CHECK (ended_on IS NULL OR ended_on >= started_on)
);
COMMENT ON TABLE youth_justice_care_episode IS 'Projection: every SSDA903 episode of care of every child, as the looked-after state gives it, for the figures of children looked after who offend (CLA-15, CLA-16, CLA-23).';
CREATE INDEX youth_justice_care_episode_by_child ON youth_justice_care_episode (la_code, child_id, started_on);
