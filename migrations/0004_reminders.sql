-- Staged reconfirmation: reminders before delivery, written when the
-- producer accepts an order (only those still in the future then).

CREATE TABLE reminders (
    id       INTEGER PRIMARY KEY,
    order_id INTEGER NOT NULL REFERENCES orders(id),
    kind     TEXT NOT NULL CHECK (kind IN ('h7', 'h3', 'h1', 'morning')),
    due_at   TEXT NOT NULL,
    status   TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'dropped')),
    sent_at  TEXT,
    answer   TEXT CHECK (answer IS NULL OR answer IN ('ok', 'problem')),
    UNIQUE (order_id, kind)
);
CREATE INDEX reminders_due ON reminders(due_at) WHERE status = 'pending';
