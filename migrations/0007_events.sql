-- Planned events (/acara, PRODUCT.md §3.6): staff announce a need weeks
-- ahead; matching producers get a heads-up and may answer "Saya siap";
-- staff are nudged on the last safe day to send the quote request.
-- event_date is local (YYYY-MM-DD) in the event regency's zone; other times
-- are UTC RFC 3339.

CREATE TABLE events (
    id            INTEGER PRIMARY KEY,
    staff_user_id INTEGER NOT NULL REFERENCES users(id),
    office_id     INTEGER NOT NULL REFERENCES offices(id),
    name          TEXT NOT NULL,
    event_date    TEXT NOT NULL,
    regency_code  TEXT NOT NULL REFERENCES regencies(code),
    category      TEXT REFERENCES categories(slug),
    item          TEXT NOT NULL,
    quantity      INTEGER NOT NULL CHECK (quantity > 0),
    unit          TEXT NOT NULL,
    last_safe_day TEXT NOT NULL,
    nudge_at      TEXT NOT NULL,
    request_id    INTEGER REFERENCES requests(id),  -- the quote request made from it
    status        TEXT NOT NULL DEFAULT 'planned'
                  CHECK (status IN ('planned', 'requested', 'cancelled')),
    created_at    TEXT NOT NULL
);
CREATE INDEX events_by_office ON events(office_id, event_date);

-- Who got the heads-up, and who answered "Saya siap".
CREATE TABLE event_producers (
    event_id    INTEGER NOT NULL REFERENCES events(id),
    producer_id INTEGER NOT NULL REFERENCES producers(id),
    told_at     TEXT NOT NULL,
    ready_at    TEXT,
    PRIMARY KEY (event_id, producer_id)
);
CREATE INDEX event_producers_by_producer ON event_producers(producer_id);
