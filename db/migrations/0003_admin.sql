-- Administration (issue: bans, forced logouts, user management and an audit log; docs/admin.md).
-- Times are ms since the epoch.

-- Every admin action: who did it, what, with which arguments, and how it ended. Rows are only
-- ever added.
CREATE TABLE audit_log (
    id        INTEGER PRIMARY KEY,
    at        INTEGER NOT NULL,
    admin     TEXT    NOT NULL,   -- --as NAME, else the operating-system user of the admin tool
    os_user   TEXT    NOT NULL DEFAULT '',   -- the operating-system user that ran the tool
    source    TEXT    NOT NULL CHECK (source IN ('cli', 'api')), -- who wrote the row
    action    TEXT    NOT NULL,   -- e.g. 'ban user', 'logout'
    arguments TEXT    NOT NULL DEFAULT '{}', -- a JSON object
    outcome   TEXT    NOT NULL    -- 'ok', or 'failed: ' and why
);
CREATE INDEX audit_log_by_time ON audit_log (at);

-- Who lifted a ban (unban); NULL while it was not lifted (it is active or it ran out).
ALTER TABLE bans ADD COLUMN lifted_by TEXT;
CREATE INDEX bans_active ON bans (kind, until_at);
