-- LA child ids issued by the server when a child is registered: one format for the whole council,
-- "C" + the council's 3-digit code + a 7-digit number (C2060000123), the format of the synthetic
-- borough and of the ids seeded. One row per council keeps the last number issued; each issue
-- takes the next number after it and after every id of that format already on record (imported
-- or seeded), so an id is never issued twice. The row's lock orders two registrations at once.
CREATE TABLE child_id_issued (
  la_code     text   NOT NULL CHECK (la_code ~ '^[0-9]{3}$'),
  last_number bigint NOT NULL CHECK (last_number BETWEEN 1 AND 9999999),
  PRIMARY KEY (la_code)
);
COMMENT ON TABLE child_id_issued IS 'The last LA child id number issued by the server, per council (ids are C + LA code + 7 digits).';
