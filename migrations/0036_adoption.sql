-- Projections of adoption and permanence: each decision that a child should be placed for adoption
-- with the placement order, the match, the placement and the adoption order or the reversal that
-- followed (SSDA903 AD1 and PlacedAdoption); the special guardianship and child arrangements orders
-- that ended care; and each child's previous permanence (SSDA903 PrevPerm). Like the other
-- projections they are rebuilt from child_event with the child's record.
-- safeguard: projections changed

CREATE TABLE adoption_plan (
  la_code                    text NOT NULL,
  child_id                   text NOT NULL,
  plan_id                    uuid NOT NULL,
  decided_on                 date NOT NULL,
  decision_maker_worker_id   text,
  fostering_for_adoption     boolean NOT NULL,
  entered_care_on            date,
  placement_order_applied_on date,
  placement_order_granted_on date,
  matched_on                 date,
  foster_carers              boolean,
  number_of_adopters         integer CHECK (number_of_adopters IN (1, 2)),
  adopters_sex               text CHECK (adopters_sex IN ('M1', 'F1', 'MM', 'FF', 'MF')),
  adopters_legal_status      text CHECK (adopters_legal_status IN ('L0', 'L11', 'L12', 'L2', 'L3', 'L4')),
  living_with_adopters_since date,
  placed_on                  date,
  placement                  text CHECK (placement IN ('A3', 'A4', 'A5', 'A6')),
  adoption_order_on          date,
  reason_ceased              text CHECK (reason_ceased IN ('E11', 'E12')),
  reversed_on                date,
  reversal_reason            text CHECK (reversal_reason IN ('RD1', 'RD2', 'RD3', 'RD4')),
  stage                      text NOT NULL CHECK (stage IN ('decision', 'placement-order', 'matched', 'placed', 'adopted', 'reversed')),
  PRIMARY KEY (la_code, plan_id),
  CHECK (entered_care_on IS NULL OR entered_care_on <= decided_on),
  CHECK (placement_order_granted_on IS NULL OR placement_order_granted_on >= decided_on),
  CHECK ((matched_on IS NULL) = (adopters_sex IS NULL) AND (matched_on IS NULL) = (adopters_legal_status IS NULL) AND (matched_on IS NULL) = (foster_carers IS NULL)),
  CHECK (matched_on IS NULL OR matched_on >= decided_on),
  CHECK ((placed_on IS NULL) = (placement IS NULL)),
  CHECK (placed_on IS NULL OR placed_on >= matched_on),
  CHECK ((adoption_order_on IS NULL) = (reason_ceased IS NULL)),
  CHECK (adoption_order_on IS NULL OR adoption_order_on >= placed_on),
  CHECK ((reversed_on IS NULL) = (reversal_reason IS NULL)),
  CHECK (adoption_order_on IS NULL OR reversed_on IS NULL)
);
COMMENT ON TABLE adoption_plan IS 'Projection: decisions that a child should be placed for adoption (Adoption Agencies Regulations 2005 reg 19) and what followed: SSDA903 PlacedAdoption (DATE_PLACED = decided_on, DATE_PLACED_CEASED, REASON_PLACED_CEASED) and, for children adopted, AD1 (DATE_INT = decided_on, DATE_MATCH, FOSTER_CARE, NB_ADOPTR, SEX_ADOPTR, LS_ADOPTR).';
COMMENT ON COLUMN adoption_plan.entered_care_on IS 'The day the period of care in which the decision was made began: the adoption scorecard counts from it (A1, A10).';
COMMENT ON COLUMN adoption_plan.living_with_adopters_since IS 'For foster carers who adopt, the day the child moved in with them as foster carers (adoption scorecard A10).';
CREATE INDEX adoption_plan_by_child ON adoption_plan (la_code, child_id);
CREATE INDEX adoption_plan_by_order ON adoption_plan (la_code, adoption_order_on);

CREATE TABLE permanence_order (
  la_code              text NOT NULL,
  child_id             text NOT NULL,
  order_id             uuid NOT NULL,
  order_kind           text NOT NULL CHECK (order_kind IN ('special-guardianship', 'child-arrangements')),
  made_on              date NOT NULL,
  relative_or_friend   boolean NOT NULL,
  former_foster_carers boolean NOT NULL,
  reason_ceased        text NOT NULL CHECK (reason_ceased IN ('E41', 'E45', 'E46', 'E47', 'E48')),
  PRIMARY KEY (la_code, order_id),
  CHECK ((order_kind = 'child-arrangements') = (reason_ceased = 'E41'))
);
COMMENT ON TABLE permanence_order IS 'Projection: special guardianship orders (Children Act 1989 s14A) and child arrangements orders (s8) made for children looked after, with the SSDA903 reason the period of care ceased each matches.';
CREATE INDEX permanence_order_by_made ON permanence_order (la_code, made_on);

CREATE TABLE previous_permanence (
  la_code             text NOT NULL,
  child_id            text NOT NULL,
  record_id           uuid NOT NULL,
  recorded_on         date NOT NULL,
  period_id           uuid,
  previous_permanence text NOT NULL CHECK (previous_permanence IN ('P1', 'P2', 'P3', 'P4', 'Z1')),
  la_perm             text CHECK (la_perm ~ '^\d{3}$'),
  perm_year           integer,
  perm_month          integer CHECK (perm_month BETWEEN 1 AND 12),
  perm_day            integer CHECK (perm_day BETWEEN 1 AND 31),
  PRIMARY KEY (la_code, record_id),
  CHECK (perm_day IS NULL OR perm_month IS NOT NULL),
  CHECK (perm_month IS NULL OR perm_year IS NOT NULL)
);
COMMENT ON TABLE previous_permanence IS 'Projection: SSDA903 PrevPerm, the child''s permanence before a period of care. The date of the order is kept in parts, any of day and month unknown (the return writes ZZ for them), never as an invented full date.';
CREATE INDEX previous_permanence_by_child ON previous_permanence (la_code, child_id);
