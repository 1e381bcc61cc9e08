-- Sign-in: local accounts (argon2id password hashes, optional one-time-code second factor), every
-- attempt on record (lockout is worked out from them), and server-side sessions.

CREATE TABLE user_account (
  la_code        text        NOT NULL CHECK (la_code ~ '^\d{3}$'),
  user_id        text        NOT NULL CHECK (length(user_id) BETWEEN 1 AND 60),
  username       text        NOT NULL CHECK (username = lower(username) AND length(username) BETWEEN 1 AND 100),
  display_name   text        NOT NULL,
  role           text        NOT NULL,
  agency         text        NOT NULL,
  team_id        text,
  worker_id      text,
  password_hash  text,
  totp_secret    text,
  oidc_subject   text,
  created_at     timestamptz NOT NULL,
  disabled_at    timestamptz,
  PRIMARY KEY (la_code, user_id),
  UNIQUE (la_code, username),
  UNIQUE (la_code, oidc_subject),
  CHECK (password_hash IS NOT NULL OR oidc_subject IS NOT NULL)
);
COMMENT ON TABLE user_account IS 'People who sign in: a local password (argon2id) or the council''s identity provider (OpenID Connect subject), with role, agency and team.';
COMMENT ON COLUMN user_account.totp_secret IS 'Base32 secret of the time-based one-time code (RFC 6238), once enrolled.';

CREATE TABLE sign_in_attempt (
  la_code     text        NOT NULL,
  attempt_id  bigint      GENERATED ALWAYS AS IDENTITY,
  username    text        NOT NULL,
  user_id     text,
  attempted_at timestamptz NOT NULL,
  outcome     text        NOT NULL CHECK (outcome IN ('signed-in', 'second-factor-required', 'wrong-password', 'wrong-code', 'unknown-user', 'locked', 'disabled')),
  remote_address text,
  PRIMARY KEY (la_code, attempt_id)
);
COMMENT ON TABLE sign_in_attempt IS 'Every sign-in attempt. Lockout (with back-off) is worked out from the failures since the last success.';
CREATE INDEX sign_in_attempt_by_username ON sign_in_attempt (la_code, username, attempt_id);

CREATE TABLE user_session (
  la_code          text        NOT NULL,
  session_hash     bytea       NOT NULL,
  user_id          text        NOT NULL,
  created_at       timestamptz NOT NULL,
  last_seen_at     timestamptz NOT NULL,
  expires_at       timestamptz NOT NULL,
  second_factor_at timestamptz,
  csrf_token       text        NOT NULL,
  ended_at         timestamptz,
  end_reason       text,
  PRIMARY KEY (la_code, session_hash),
  FOREIGN KEY (la_code, user_id) REFERENCES user_account (la_code, user_id)
);
COMMENT ON TABLE user_session IS 'Server-side sessions. The cookie holds a random token; only its sha256 is stored. Idle and absolute time-outs are checked on every request.';
