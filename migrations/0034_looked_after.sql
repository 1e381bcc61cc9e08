-- Projections of children looked after: each period of care, each SSDA903 episode, each placement,
-- the weekly costs of each placement over time and each secure accommodation order, for the figures
-- CLA-01 to CLA-25, the worklist of children looked after and retention. Like the other
-- projections they are rebuilt from child_event with the child's record.
-- safeguard: projections changed

CREATE TABLE cla_period (
  la_code               text NOT NULL,
  child_id              text NOT NULL,
  period_id             uuid NOT NULL,
  started_on            date NOT NULL,
  ceased_on             date,
  reason_ceased         text,
  home_postcode         text,
  uasc                  boolean NOT NULL,
  uasc_ceased_on        date,
  short_breaks_only     boolean NOT NULL,
  legal_status_at_start text NOT NULL,
  category_of_need      text NOT NULL,
  episodes              integer NOT NULL CHECK (episodes >= 1),
  PRIMARY KEY (la_code, period_id),
  CHECK (ceased_on IS NULL OR ceased_on >= started_on),
  CHECK ((ceased_on IS NULL) = (reason_ceased IS NULL)),
  CHECK (reason_ceased IS DISTINCT FROM 'X1'),
  CHECK (uasc_ceased_on IS NULL OR uasc)
);
COMMENT ON TABLE cla_period IS 'Projection: periods of care (Children Act 1989 s20–s22), from the day the child became looked after to the day they ceased, as SSDA903 counts them.';
COMMENT ON COLUMN cla_period.short_breaks_only IS 'Every episode is a short break (legal status V3 or V4, CPPCR reg 48): the DfE counts such periods apart.';
COMMENT ON COLUMN cla_period.uasc_ceased_on IS '903 DUC: the day the child stopped being an unaccompanied asylum-seeking child.';
CREATE INDEX cla_period_by_child ON cla_period (la_code, child_id);
CREATE INDEX cla_period_by_dates ON cla_period (la_code, started_on, ceased_on);

CREATE TABLE cla_episode (
  la_code                  text NOT NULL,
  child_id                 text NOT NULL,
  episode_id               uuid NOT NULL,
  period_id                uuid NOT NULL,
  started_on               date NOT NULL,
  ended_on                 date,
  reason_for_new_episode   text NOT NULL CHECK (reason_for_new_episode IN ('S', 'L', 'P', 'T', 'B', 'U')),
  legal_status             text NOT NULL,
  category_of_need         text NOT NULL,
  placement_id             uuid NOT NULL,
  placement_type           text NOT NULL,
  placement_provider       text,
  reason_episode_ceased    text,
  reason_placement_changed text,
  PRIMARY KEY (la_code, episode_id),
  CHECK (ended_on IS NULL OR ended_on >= started_on),
  CHECK ((ended_on IS NULL) = (reason_episode_ceased IS NULL))
);
COMMENT ON TABLE cla_episode IS 'Projection: SSDA903 episodes: a new one on each change of legal status or placement (RNE), ended with X1 the same day or with the reason the period of care ended.';
CREATE INDEX cla_episode_by_period ON cla_episode (la_code, period_id, started_on);
CREATE INDEX cla_episode_by_dates ON cla_episode (la_code, started_on, ended_on);

CREATE TABLE cla_placement (
  la_code              text NOT NULL,
  child_id             text NOT NULL,
  placement_id         uuid NOT NULL,
  period_id            uuid NOT NULL,
  started_on           date NOT NULL,
  ended_on             date,
  placement_type       text NOT NULL,
  placement_provider   text,
  ofsted_urn           text,
  postcode             text,
  inside_council       boolean,
  distance_miles       numeric(6, 1) CHECK (distance_miles >= 0),
  same_carer_as_before boolean NOT NULL,
  short_breaks_only    boolean NOT NULL,
  PRIMARY KEY (la_code, placement_id),
  CHECK (ended_on IS NULL OR ended_on >= started_on)
);
COMMENT ON TABLE cla_placement IS 'Projection: placements of children looked after; one runs across episodes that change only the legal status.';
COMMENT ON COLUMN cla_placement.distance_miles IS '903 PL_DISTANCE: straight-line miles from the home postcode at entry, from approximate postcode district centres; null when either district is not known.';
COMMENT ON COLUMN cla_placement.same_carer_as_before IS 'It began with RNE T or U: a change of placement with the same carer.';
CREATE INDEX cla_placement_by_period ON cla_placement (la_code, period_id, started_on);

CREATE TABLE cla_placement_cost (
  la_code      text NOT NULL,
  child_id     text NOT NULL,
  placement_id uuid NOT NULL,
  from_on      date NOT NULL,
  weekly_cost  numeric(10, 2) NOT NULL CHECK (weekly_cost >= 0),
  PRIMARY KEY (la_code, placement_id, from_on)
);
COMMENT ON TABLE cla_placement_cost IS 'Projection: the weekly cost of each placement in pounds, each from the day it applied.';

CREATE TABLE cla_secure_order (
  la_code   text NOT NULL,
  child_id  text NOT NULL,
  order_id  uuid NOT NULL,
  period_id uuid NOT NULL,
  made_on   date NOT NULL,
  ends_on   date,
  reasons   text[] NOT NULL,
  PRIMARY KEY (la_code, order_id),
  CHECK (ends_on IS NULL OR ends_on > made_on)
);
COMMENT ON TABLE cla_secure_order IS 'Projection: secure accommodation orders (Children Act 1989 s25) made while the child was looked after, with the risks each protects the child from.';
CREATE INDEX cla_secure_order_by_made ON cla_secure_order (la_code, made_on);
