-- Accounts, visitors, conversations and their transcripts (issue: the ring flow end to end).
CREATE TABLE users (
    id            INTEGER PRIMARY KEY,
    username      TEXT    NOT NULL UNIQUE,
    display_name  TEXT    NOT NULL,
    role          TEXT    NOT NULL DEFAULT 'operator' CHECK (role IN ('operator', 'admin')),
    password_hash TEXT    NOT NULL,          -- PBKDF2-SHA256 of MD5(password), see password_hash.h
    created_at    INTEGER NOT NULL           -- ms since the epoch
);

CREATE TABLE visitors (
    id          TEXT    PRIMARY KEY,         -- "v-" + 16 hex digits
    token_hash  TEXT    NOT NULL UNIQUE,     -- SHA-256 of the resume token
    name        TEXT    NOT NULL DEFAULT '',
    address     TEXT    NOT NULL DEFAULT '',
    created_at  INTEGER NOT NULL
);

CREATE TABLE conversations (
    id                    INTEGER PRIMARY KEY,
    visitor_id            TEXT    NOT NULL REFERENCES visitors (id),
    visitor_name          TEXT    NOT NULL DEFAULT '',
    page                  TEXT    NOT NULL DEFAULT '',
    state                 TEXT    NOT NULL
        CHECK (state IN ('ringing', 'connected', 'waiting', 'ended', 'unanswered')),
    operator_username     TEXT    NOT NULL DEFAULT '',
    operator_display_name TEXT    NOT NULL DEFAULT '',
    last_seq              INTEGER NOT NULL DEFAULT 0,
    started_at            INTEGER NOT NULL,
    updated_at            INTEGER NOT NULL
);
CREATE INDEX conversations_by_visitor ON conversations (visitor_id, id);
CREATE INDEX conversations_open ON conversations (state) WHERE state IN ('ringing', 'connected', 'waiting');

CREATE TABLE messages (
    conversation_id INTEGER NOT NULL REFERENCES conversations (id),
    seq             INTEGER NOT NULL,
    from_operator   INTEGER NOT NULL CHECK (from_operator IN (0, 1)),
    operator_name   TEXT    NOT NULL DEFAULT '',
    body            TEXT    NOT NULL,
    ts              INTEGER NOT NULL,
    PRIMARY KEY (conversation_id, seq)
) WITHOUT ROWID;

CREATE TABLE left_messages (
    id              INTEGER PRIMARY KEY,
    conversation_id INTEGER NOT NULL DEFAULT 0,
    visitor_id      TEXT    NOT NULL,
    name            TEXT    NOT NULL DEFAULT '',
    email           TEXT    NOT NULL DEFAULT '',
    body            TEXT    NOT NULL,
    created_at      INTEGER NOT NULL
);
