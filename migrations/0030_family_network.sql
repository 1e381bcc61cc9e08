-- The family network (issue 16): parents, carers and significant adults as people in their own
-- right. An adult is not a child with an event log: each change to what is known of them is a new
-- version, kept beside the earlier ones. Who they are to a child (a relationship, with parental
-- responsibility or not), the professionals around a child, the record's flags and its address
-- history are the child's events (src/modules/family-network/ says why). The child's addresses are
-- projected for the household page; records already in the database gain their rows from a
-- rebuild after migrating.
-- safeguard: projections changed

CREATE TABLE family_adult_version (
  la_code          text        NOT NULL CHECK (la_code ~ '^\d{3}$'),
  person_id        uuid        NOT NULL,
  version          integer     NOT NULL CHECK (version >= 1),
  data             jsonb       NOT NULL CHECK (jsonb_typeof(data) = 'object' AND data ? 'forename' AND data ? 'surname'),
  -- The household the adult lives in as this version records it: the household page finds its adults by it.
  household_id     text        CHECK (household_id IS NULL OR length(household_id) BETWEEN 1 AND 40),
  change_reason    text        CHECK (change_reason IS NULL OR length(change_reason) BETWEEN 1 AND 500),
  recorded_by_user text        NOT NULL,
  recorded_by_role text        NOT NULL,
  recorded_at      timestamptz NOT NULL,
  PRIMARY KEY (la_code, person_id, version),
  -- A first version is the adult as first recorded; every later one says why it was made.
  CHECK (version = 1 OR change_reason IS NOT NULL)
);
COMMENT ON TABLE family_adult_version IS 'Parents, carers and significant adults in a child''s network: each change is a new version (name, date of birth, address, contact details, interpreter, professional involved); linked to children by the children''s relationship.recorded events.';

CREATE INDEX family_adult_version_by_household ON family_adult_version (la_code, household_id) WHERE household_id IS NOT NULL;

CREATE TRIGGER family_adult_version_is_append_only BEFORE UPDATE OR DELETE ON family_adult_version FOR EACH ROW EXECUTE FUNCTION refuse_change_to_record();
CREATE TRIGGER family_adult_version_cannot_be_emptied BEFORE TRUNCATE ON family_adult_version FOR EACH STATEMENT EXECUTE FUNCTION refuse_truncate_of_record();

-- An adult is visible to whoever may see one of the children they are linked to: found from the
-- adult's side of the relationship projection.
CREATE INDEX child_relationship_by_related_person ON child_relationship (la_code, related_person_id) WHERE related_person_id IS NOT NULL;

CREATE TABLE child_address (
  la_code      text    NOT NULL,
  child_id     text    NOT NULL,
  position     integer NOT NULL CHECK (position >= 1),
  from_on      date    NOT NULL,
  to_on        date,
  line1        text    NOT NULL,
  line2        text,
  town         text,
  postcode     text    NOT NULL,
  household_id text,
  move_id      uuid,
  PRIMARY KEY (la_code, child_id, position),
  CHECK (to_on IS NULL OR to_on >= from_on)
);
COMMENT ON TABLE child_address IS 'Projection: a child''s addresses over time (address.changed), the current one without to_on; a household''s move is one move_id across its members.';
CREATE INDEX child_address_by_household ON child_address (la_code, household_id) WHERE household_id IS NOT NULL;
