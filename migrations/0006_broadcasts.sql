-- Announcements from admins (/siaran). A draft holds what the admin wrote
-- and the audience chosen so far; queueing it writes one outbox row per
-- recipient (outbox.broadcast_id, unique per user) in the same
-- transaction. The progress reporter (src/background/broadcasts.rs) edits
-- the admin's progress message from the outbox tally and marks it done.

CREATE TABLE broadcasts (
    id                  INTEGER PRIMARY KEY,
    admin_user_id       INTEGER NOT NULL REFERENCES users(id),
    text                TEXT NOT NULL DEFAULT '',     -- as the admin wrote it (escaped when sent)
    photo_file_id       TEXT,                         -- Telegram file id; the text is its caption
    audience            TEXT NOT NULL DEFAULT '{}',   -- JSON of domain::broadcast::Audience
    urgent              INTEGER NOT NULL DEFAULT 0,   -- 1: also sent in quiet hours
    status              TEXT NOT NULL DEFAULT 'draft'
                        CHECK (status IN ('draft', 'queued', 'done')),
    total               INTEGER NOT NULL DEFAULT 0,   -- recipients queued
    progress_chat_id    INTEGER,
    progress_message_id INTEGER,
    last_progress_at    TEXT,
    created_at          TEXT NOT NULL,
    queued_at           TEXT,
    finished_at         TEXT
);
CREATE INDEX broadcasts_queued ON broadcasts(id) WHERE status = 'queued';
