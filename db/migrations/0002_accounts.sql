-- IM accounts: statuses, friendships, offline messages and bans (issue: accounts, statuses,
-- friends and offline messages over IMS and the operator protocol). Times are ms since the epoch.

-- The statuses STATUS type="list" serves (ims-xml-protocol.txt, STATUS); the numbers are wire
-- values and match core::status_code. -1 ("unknown") is never stored.
CREATE TABLE statuses (
    id         INTEGER PRIMARY KEY CHECK (id >= 0),
    name       TEXT    NOT NULL UNIQUE,
    ringable   INTEGER NOT NULL DEFAULT 0 CHECK (ringable IN (0, 1)) -- operators in it are rung
);
INSERT INTO statuses (id, name, ringable) VALUES (0, 'Online', 1);
INSERT INTO statuses (id, name, ringable) VALUES (1, 'Away', 0);
INSERT INTO statuses (id, name, ringable) VALUES (2, 'Busy', 0);
INSERT INTO statuses (id, name, ringable) VALUES (3, 'Offline', 0);

-- One row per pair: `username` invited `friend_name`. 'pending' until the invitee accepts
-- (then 'accepted': friends both ways) or denies (the row is deleted).
CREATE TABLE friendships (
    username    TEXT    NOT NULL REFERENCES users (username) ON DELETE CASCADE,
    friend_name TEXT    NOT NULL REFERENCES users (username) ON DELETE CASCADE,
    state       TEXT    NOT NULL CHECK (state IN ('pending', 'accepted')),
    created_at  INTEGER NOT NULL,
    PRIMARY KEY (username, friend_name),
    CHECK (username <> friend_name)
) WITHOUT ROWID;
CREATE INDEX friendships_by_friend ON friendships (friend_name, state);

-- Messages to users who were offline; kept until delivered, delivered in id order.
CREATE TABLE offline_messages (
    id           INTEGER PRIMARY KEY,
    sender       TEXT    NOT NULL,
    recipient    TEXT    NOT NULL REFERENCES users (username) ON DELETE CASCADE,
    body         TEXT    NOT NULL,
    created_at   INTEGER NOT NULL,
    delivered_at INTEGER               -- NULL until delivered
);
CREATE INDEX offline_messages_undelivered ON offline_messages (recipient, id) WHERE delivered_at IS NULL;

-- Bans of a user account or a visitor (id or address). Active while until_at is NULL or later
-- than now; lifting a ban sets until_at to the time it was lifted.
CREATE TABLE bans (
    id         INTEGER PRIMARY KEY,
    kind       TEXT    NOT NULL CHECK (kind IN ('user', 'visitor')),
    subject    TEXT    NOT NULL,     -- username, or visitor id / address
    reason     TEXT    NOT NULL DEFAULT '',
    banned_by  TEXT    NOT NULL DEFAULT '',
    since      INTEGER NOT NULL,
    until_at   INTEGER               -- NULL: until lifted
);
CREATE INDEX bans_by_subject ON bans (kind, subject);
