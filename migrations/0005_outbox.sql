-- One durable outbox for every message that is not a direct reply: request
-- cards, quote alerts, order changes, reminders, alerts, broadcast copies.
-- A row is written in the same transaction as the change that caused it;
-- the sender (src/background/outbox.rs) delivers it when due, paced per chat
-- and overall, and never sends a row again once Telegram confirmed it.

CREATE TABLE outbox (
    id           INTEGER PRIMARY KEY,
    user_id      INTEGER NOT NULL REFERENCES users(id),
    notice       TEXT NOT NULL,                 -- JSON of domain::notice::Notice
    urgent       INTEGER NOT NULL DEFAULT 0,    -- 1: also sent in quiet hours (21:00-06:00 local)
    due_at       TEXT NOT NULL,                 -- not before this instant (UTC)
    while_order  INTEGER REFERENCES orders(id), -- dropped once this order is finished or cancelled
    broadcast_id INTEGER,                       -- a copy of broadcast #n (see 0006)
    status       TEXT NOT NULL DEFAULT 'pending'
                 CHECK (status IN ('pending', 'sending', 'sent', 'failed', 'blocked', 'dropped')),
    attempts     INTEGER NOT NULL DEFAULT 0,
    last_error   TEXT,
    message_id   INTEGER,                       -- Telegram's id once confirmed
    created_at   TEXT NOT NULL,
    sent_at      TEXT
);
-- What the sender looks for: due rows in order.
CREATE INDEX outbox_ready ON outbox(due_at, id) WHERE status = 'pending';
-- Per-chat order: the oldest unfinished row of a user goes first.
CREATE INDEX outbox_open_by_user ON outbox(user_id, id) WHERE status IN ('pending', 'sending');
CREATE INDEX outbox_by_order ON outbox(while_order) WHERE while_order IS NOT NULL AND status = 'pending';
-- A broadcast reaches each user once, whatever happens to the process.
CREATE UNIQUE INDEX outbox_broadcast_once ON outbox(broadcast_id, user_id) WHERE broadcast_id IS NOT NULL;
CREATE INDEX outbox_by_broadcast ON outbox(broadcast_id, status) WHERE broadcast_id IS NOT NULL;

-- Announcements (broadcasts) can be muted in /profil; verification results
-- and orders never are.
ALTER TABLE users ADD COLUMN muted INTEGER NOT NULL DEFAULT 0;
