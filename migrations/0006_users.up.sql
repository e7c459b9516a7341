-- Who may sign in, and how: users with a role (a dealer user bound to one
-- dealer), server-held sessions, API tokens, and the counters that slow
-- down password guessing. Secrets are never stored: sessions and tokens are
-- kept as the SHA-256 of the random value the client holds, passwords as
-- Argon2id PHC strings.
--
-- Row-level security comes later; these tables are read before a viewer is
-- known (a session or token is what names the viewer), so they are looked
-- up by the hash of a secret only the holder knows, and every dealer-bound
-- row carries dealer_id for the policies to come.

CREATE TABLE users (
    id            bigserial PRIMARY KEY,
    -- Stored trimmed and lower-cased by the application; the checks make
    -- sure nothing else slips in, so equality is case-insensitive.
    email         text NOT NULL CHECK (email = lower(btrim(email)) AND length(email) BETWEEN 3 AND 254
                                       AND email ~ '^[^@[:space:]]+@[^@[:space:]]+$'),
    role          text NOT NULL CHECK (role IN ('DIRECTOR', 'MANAGER', 'DEALER', 'ANALYST')),
    dealer_id     bigint REFERENCES dealers (id),
    -- Argon2id PHC string; '' for a user who signs in only with API tokens.
    password_hash text NOT NULL DEFAULT '' CHECK (password_hash = '' OR password_hash LIKE '$argon2id$%'),
    disabled      boolean NOT NULL DEFAULT false,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT users_dealer_iff_dealer_role CHECK ((role = 'DEALER') = (dealer_id IS NOT NULL))
);
CREATE UNIQUE INDEX users_email_key ON users (lower(email));
CREATE INDEX users_dealer_idx ON users (dealer_id) WHERE dealer_id IS NOT NULL;

CREATE TABLE sessions (
    -- SHA-256 of the cookie's random token: a stolen database copy holds
    -- nothing a browser could present.
    id           bytea PRIMARY KEY CHECK (length(id) = 32),
    user_id      bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at   timestamptz NOT NULL,
    -- Idle expiry is last_seen_at + the idle timeout, checked on every read;
    -- expires_at is the absolute end, whatever the activity.
    last_seen_at timestamptz NOT NULL,
    expires_at   timestamptz NOT NULL,
    revoked_at   timestamptz,
    user_agent   text NOT NULL DEFAULT '' CHECK (length(user_agent) <= 512),
    address      text NOT NULL DEFAULT '' CHECK (length(address) <= 64),
    CONSTRAINT sessions_expiry_after_start CHECK (expires_at > created_at)
);
CREATE INDEX sessions_user_idx ON sessions (user_id);
CREATE INDEX sessions_expires_idx ON sessions (expires_at);

CREATE TABLE api_tokens (
    id           bigserial PRIMARY KEY,
    user_id      bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name         text NOT NULL DEFAULT '' CHECK (length(name) <= 200),
    -- The token's first characters, to recognise it in lists and to revoke
    -- it by; not secret, not unique.
    prefix       text NOT NULL CHECK (prefix ~ '^cb_[A-Za-z0-9_-]{8}$'),
    hash         bytea NOT NULL UNIQUE CHECK (length(hash) = 32),
    created_at   timestamptz NOT NULL,
    expires_at   timestamptz,
    revoked_at   timestamptz,
    last_used_at timestamptz,
    CONSTRAINT api_tokens_expiry_after_start CHECK (expires_at IS NULL OR expires_at > created_at)
);
CREATE INDEX api_tokens_user_idx ON api_tokens (user_id);
CREATE INDEX api_tokens_prefix_idx ON api_tokens (prefix);

-- Consecutive failed sign-ins per key: 'account:<email>' (whether or not
-- the account exists, so the counter reveals nothing) or 'address:<ip>'.
-- A success clears the account's row; rows whose last failure is old are
-- treated as cleared.
CREATE TABLE login_attempts (
    key             text PRIMARY KEY CHECK (length(key) <= 300),
    failures        int NOT NULL CHECK (failures > 0),
    last_failure_at timestamptz NOT NULL
);
CREATE INDEX login_attempts_last_failure_idx ON login_attempts (last_failure_at);
