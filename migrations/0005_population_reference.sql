-- The child population a council serves, by year, age, sex and ethnicity: the denominator of
-- rates per 10,000 and of disproportionality. A council loads ONS mid-year estimates; the
-- synthetic borough brings its own.

CREATE TABLE population_reference (
  la_code    text    NOT NULL CHECK (la_code ~ '^\d{3}$'),
  year       integer NOT NULL CHECK (year BETWEEN 1990 AND 2100),
  age        integer NOT NULL CHECK (age BETWEEN 0 AND 25),
  sex        text    NOT NULL CHECK (sex IN ('M', 'F')),
  ethnicity  text    NOT NULL,
  children   integer NOT NULL CHECK (children >= 0),
  source     text    NOT NULL,
  PRIMARY KEY (la_code, year, age, sex, ethnicity)
);
COMMENT ON TABLE population_reference IS 'Children resident in the LA by mid-year, single year of age, sex and ethnicity, with the source of the estimate.';
