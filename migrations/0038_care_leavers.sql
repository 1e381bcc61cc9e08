-- Projections of leaving care support: each care leaver's support, their birthday contacts (the
-- SSDA903 OC3 record), pathway plan reviews, changes of accommodation and staying put arrangements,
-- for the care leavers' figures (CL-01 to CL-09, CLA-09), the caseloads and retention. Like the
-- other projections they are rebuilt from child_event with the child's record.
-- safeguard: projections changed

CREATE TABLE care_leaver (
  la_code                    text NOT NULL,
  child_id                   text NOT NULL,
  since                      date NOT NULL,
  date_of_birth              date,
  eligibility_category       text NOT NULL CHECK (eligibility_category IN ('eligible', 'relevant', 'former-relevant', 'qualifying')),
  computed_category          text CHECK (computed_category IN ('eligible', 'relevant', 'former-relevant', 'qualifying')),
  personal_adviser_id        text,
  pathway_plan_made_on       date,
  pathway_plan_participation text,
  pathway_plan_quality_grade text,
  left_care_on               date,
  placement_at_18            text,
  in_foster_care_at_18       boolean,
  ended_on                   date,
  end_reason                 text CHECK (end_reason IN ('no-longer-requires', 'aged-25', 'aged-21', 'moved-away', 'died')),
  PRIMARY KEY (la_code, child_id),
  CHECK ((ended_on IS NULL) = (end_reason IS NULL)),
  CHECK (ended_on IS NULL OR ended_on >= since),
  CHECK ((placement_at_18 IS NULL) = (in_foster_care_at_18 IS NULL))
);
COMMENT ON TABLE care_leaver IS 'Projection: the council''s leaving care support of a young person (Children (Leaving Care) Act 2000; Care Leavers (England) Regulations 2010), from the first eligibility decision to its end, with the latest eligibility category and personal adviser.';
COMMENT ON COLUMN care_leaver.computed_category IS 'The category the record''s periods of care give on the day of the latest decision; null when they give none (care before the record began).';
COMMENT ON COLUMN care_leaver.left_care_on IS 'The day the young person left care (their last period of care ending after the 16th birthday), or, when the record holds no such care, the day support began; null while still looked after.';
COMMENT ON COLUMN care_leaver.placement_at_18 IS 'The 903 placement type the young person was in on the eve of their 18th birthday, when looked after then (CLA-09: U1-U6 are foster care).';
CREATE INDEX care_leaver_by_dates ON care_leaver (la_code, since, ended_on);
CREATE INDEX care_leaver_by_adviser ON care_leaver (la_code, personal_adviser_id);

CREATE TABLE care_leaver_birthday_contact (
  la_code                text NOT NULL,
  child_id               text NOT NULL,
  contact_id             uuid NOT NULL,
  contacted_on           date NOT NULL,
  birthday_age           integer NOT NULL CHECK (birthday_age BETWEEN 17 AND 25),
  birthday_on            date,
  in_touch               text NOT NULL CHECK (in_touch IN ('YES', 'NO', 'DIED', 'REFU', 'NREQ', 'RHOM')),
  activity               text CHECK (activity IN ('F1', 'P1', 'F2', 'P2', 'F4', 'P4', 'F5', 'P5', 'G4', 'G5', 'G6')),
  accommodation          text CHECK (accommodation IN ('B', 'C', 'D', 'E', 'G', 'H', 'K', 'R', 'S', 'T', 'U', 'V', 'W', 'X', 'Y', 'Z')),
  accommodation_suitable boolean,
  oc3_accommodation      text,
  PRIMARY KEY (la_code, contact_id),
  UNIQUE (la_code, child_id, birthday_age),
  CHECK ((accommodation IS NULL) = (accommodation_suitable IS NULL))
);
COMMENT ON TABLE care_leaver_birthday_contact IS 'Projection: the contact around a care leaver''s birthday, one per birthday (SSDA903 OC3: IN_TOUCH, ACTIV, ACCOM): CL-02, CL-04 and CL-05 count them.';
COMMENT ON COLUMN care_leaver_birthday_contact.oc3_accommodation IS 'The 903 ACCOM code: the letter and 1 (suitable) or 2 (not suitable).';
CREATE INDEX care_leaver_birthday_contact_by_birthday ON care_leaver_birthday_contact (la_code, birthday_on);

CREATE TABLE care_leaver_pathway_review (
  la_code       text NOT NULL,
  child_id      text NOT NULL,
  review_id     uuid NOT NULL,
  reviewed_on   date NOT NULL,
  participation text NOT NULL CHECK (participation IN ('attended', 'attended-advocate', 'views-given', 'did-not-participate')),
  quality_grade text CHECK (quality_grade IN ('outstanding', 'good', 'requires-improvement', 'inadequate')),
  PRIMARY KEY (la_code, review_id)
);
COMMENT ON TABLE care_leaver_pathway_review IS 'Projection: reviews of care leavers'' pathway plans (Care Leavers (England) Regulations 2010 reg 7), with the young person''s participation (CL-03).';
CREATE INDEX care_leaver_pathway_review_by_date ON care_leaver_pathway_review (la_code, reviewed_on);

CREATE TABLE care_leaver_accommodation (
  la_code            text NOT NULL,
  child_id           text NOT NULL,
  change_id          uuid NOT NULL,
  changed_on         date NOT NULL,
  accommodation      text NOT NULL,
  suitable           boolean NOT NULL,
  tenancy            text CHECK (tenancy IN ('social-housing', 'house-project', 'private-rented', 'other')),
  tenancy_started_on date,
  PRIMARY KEY (la_code, change_id),
  CHECK ((tenancy IS NULL) = (tenancy_started_on IS NULL))
);
COMMENT ON TABLE care_leaver_accommodation IS 'Projection: care leavers'' moves and accommodation, with any tenancy of their own (CL-06).';
CREATE INDEX care_leaver_accommodation_by_tenancy ON care_leaver_accommodation (la_code, tenancy_started_on);

CREATE TABLE care_leaver_staying_put (
  la_code        text NOT NULL,
  child_id       text NOT NULL,
  arrangement_id uuid NOT NULL,
  started_on     date NOT NULL,
  ended_on       date,
  PRIMARY KEY (la_code, arrangement_id),
  CHECK (ended_on IS NULL OR ended_on >= started_on)
);
COMMENT ON TABLE care_leaver_staying_put IS 'Projection: staying put arrangements, young people of 18 or over living with their former foster carers (Children Act 1989 s23CZA; CLA-09).';
CREATE INDEX care_leaver_staying_put_by_child ON care_leaver_staying_put (la_code, child_id);
