-- Quote requests (RFQ), quotes, awards and orders (PRODUCT.md §3.3–§3.5).
-- Money is integer Rupiah. Dates of delivery are local (YYYY-MM-DD) in the
-- delivery regency's zone; other times are UTC RFC 3339.

CREATE TABLE requests (
    id              INTEGER PRIMARY KEY,
    staff_user_id   INTEGER NOT NULL REFERENCES users(id),
    office_id       INTEGER NOT NULL REFERENCES offices(id),
    item            TEXT NOT NULL,
    category        TEXT REFERENCES categories(slug),
    quantity        INTEGER NOT NULL CHECK (quantity > 0),
    unit            TEXT NOT NULL,
    delivery_date   TEXT NOT NULL,
    delivery_time   TEXT,
    regency_code    TEXT NOT NULL REFERENCES regencies(code),
    district_code   TEXT REFERENCES districts(code),
    budget_per_unit INTEGER CHECK (budget_per_unit IS NULL OR budget_per_unit > 0),
    budget_total    INTEGER CHECK (budget_total IS NULL OR budget_total > 0),
    halal           INTEGER NOT NULL DEFAULT 0,
    purpose         TEXT,
    raw_text        TEXT,
    shared          INTEGER NOT NULL DEFAULT 0,  -- gotong-royong: parts across producers
    quote_deadline  TEXT NOT NULL,
    status          TEXT NOT NULL DEFAULT 'open'
                    CHECK (status IN ('open', 'awarded', 'cancelled')),
    created_at      TEXT NOT NULL
);
CREATE INDEX requests_by_office ON requests(office_id, id);

-- Who a request was sent to, and for which part.
CREATE TABLE request_recipients (
    request_id     INTEGER NOT NULL REFERENCES requests(id),
    producer_id    INTEGER NOT NULL REFERENCES producers(id),
    part_quantity  INTEGER CHECK (part_quantity IS NULL OR part_quantity > 0),
    status         TEXT NOT NULL DEFAULT 'sent'
                   CHECK (status IN ('sent', 'quoted', 'declined', 'awarded', 'not_chosen')),
    decline_reason TEXT,
    sent_at        TEXT NOT NULL,
    PRIMARY KEY (request_id, producer_id)
);
CREATE INDEX request_recipients_by_producer ON request_recipients(producer_id, sent_at);

-- One live quote per producer and request; a revision replaces it.
CREATE TABLE quotes (
    id          INTEGER PRIMARY KEY,
    request_id  INTEGER NOT NULL REFERENCES requests(id),
    producer_id INTEGER NOT NULL REFERENCES producers(id),
    unit_price  INTEGER NOT NULL CHECK (unit_price > 0),
    quantity    INTEGER NOT NULL CHECK (quantity > 0),
    note        TEXT,
    revision    INTEGER NOT NULL DEFAULT 1,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    UNIQUE (request_id, producer_id)
);

CREATE TABLE orders (
    id             INTEGER PRIMARY KEY,
    request_id     INTEGER NOT NULL REFERENCES requests(id),
    producer_id    INTEGER NOT NULL REFERENCES producers(id),
    quote_id       INTEGER NOT NULL REFERENCES quotes(id),
    quantity       INTEGER NOT NULL CHECK (quantity > 0),
    unit_price     INTEGER NOT NULL CHECK (unit_price > 0),
    status         TEXT NOT NULL DEFAULT 'awarded'
                   CHECK (status IN ('awarded', 'accepted', 'in_production', 'ready',
                                     'delivered', 'received', 'cancelled', 'lapsed')),
    awarded_at     TEXT NOT NULL,
    accepted_at    TEXT,
    accept_alerted INTEGER NOT NULL DEFAULT 0,  -- staff told it was not accepted in time
    cancel_reason  TEXT,
    cancelled_by   INTEGER REFERENCES users(id),
    rating         INTEGER CHECK (rating IS NULL OR rating BETWEEN 1 AND 5),
    rating_comment TEXT,
    updated_at     TEXT NOT NULL
);
CREATE INDEX orders_by_request ON orders(request_id);
CREATE INDEX orders_by_producer ON orders(producer_id, status);
CREATE INDEX orders_waiting_accept ON orders(awarded_at) WHERE status = 'awarded';

-- Every change of an order, for the record and for reports.
CREATE TABLE order_events (
    id       INTEGER PRIMARY KEY,
    order_id INTEGER NOT NULL REFERENCES orders(id),
    status   TEXT NOT NULL,
    by_user  INTEGER REFERENCES users(id),
    note     TEXT,
    at       TEXT NOT NULL
);
CREATE INDEX order_events_by_order ON order_events(order_id, id);
