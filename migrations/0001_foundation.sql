-- Foundation: regions, accounts, producers, staff, offices, invites, dialogues,
-- the durable update inbox and the outgoing message log.
-- Times are RFC 3339 UTC text. Forward-only: never edit a migration that has shipped.

CREATE TABLE provinces (
    code     TEXT PRIMARY KEY,
    name     TEXT NOT NULL,
    timezone TEXT NOT NULL
);

CREATE TABLE regencies (
    code          TEXT PRIMARY KEY,
    province_code TEXT NOT NULL REFERENCES provinces(code),
    name          TEXT NOT NULL
);

CREATE TABLE districts (
    code         TEXT PRIMARY KEY,
    regency_code TEXT NOT NULL REFERENCES regencies(code),
    name         TEXT NOT NULL
);
CREATE INDEX districts_by_regency ON districts(regency_code);

CREATE TABLE region_aliases (
    alias        TEXT PRIMARY KEY,
    regency_code TEXT NOT NULL REFERENCES regencies(code)
);

CREATE TABLE categories (
    slug    TEXT PRIMARY KEY,
    sort    INTEGER NOT NULL,
    name_id TEXT NOT NULL,
    name_en TEXT NOT NULL
);
INSERT INTO categories (slug, sort, name_id, name_en) VALUES
    ('katering',    1, 'Katering',          'Catering'),
    ('snack',       2, 'Snack & kue',       'Snacks & cakes'),
    ('oleh_oleh',   3, 'Oleh-oleh',         'Local specialties'),
    ('minuman',     4, 'Minuman',           'Drinks'),
    ('merchandise', 5, 'Merchandise',       'Merchandise'),
    ('kerajinan',   6, 'Kerajinan',         'Handicrafts'),
    ('fesyen',      7, 'Fesyen',            'Fashion'),
    ('percetakan',  8, 'Percetakan',        'Printing'),
    ('dekorasi',    9, 'Dekorasi',          'Decoration');

-- One Telegram account, one role. role NULL = not registered yet.
CREATE TABLE users (
    id              INTEGER PRIMARY KEY,          -- Telegram user id
    chat_id         INTEGER NOT NULL,             -- private chat with the bot
    first_name      TEXT NOT NULL DEFAULT '',
    username        TEXT,
    language        TEXT NOT NULL DEFAULT 'id' CHECK (language IN ('id', 'en')),
    language_chosen INTEGER NOT NULL DEFAULT 0,   -- set by /bahasa; then language_code is no longer followed
    role            TEXT CHECK (role IN ('producer', 'staff', 'admin')),
    status          TEXT NOT NULL DEFAULT 'new'
                    CHECK (status IN ('new', 'pending', 'approved', 'rejected')),
    reachable       INTEGER NOT NULL DEFAULT 1,   -- 0 once Telegram said the user blocked the bot
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
);
CREATE INDEX users_pending ON users(status, created_at) WHERE status = 'pending';

CREATE TABLE offices (
    id           INTEGER PRIMARY KEY,
    name         TEXT NOT NULL,
    regency_code TEXT NOT NULL REFERENCES regencies(code),
    created_at   TEXT NOT NULL
);
CREATE UNIQUE INDEX offices_unique_name ON offices(lower(name), regency_code);

CREATE TABLE staff (
    user_id    INTEGER PRIMARY KEY REFERENCES users(id),
    full_name  TEXT NOT NULL,
    office_id  INTEGER NOT NULL REFERENCES offices(id),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE TABLE producers (
    id             INTEGER PRIMARY KEY,
    user_id        INTEGER UNIQUE REFERENCES users(id),  -- NULL for imported, not yet linked producers
    business_name  TEXT NOT NULL,
    owner_name     TEXT,
    phone          TEXT UNIQUE,                          -- normalised +62...
    regency_code   TEXT NOT NULL REFERENCES regencies(code),
    district_code  TEXT REFERENCES districts(code),
    daily_capacity INTEGER NOT NULL CHECK (daily_capacity > 0),
    min_lead_days  INTEGER NOT NULL CHECK (min_lead_days >= 0),
    min_order      INTEGER NOT NULL CHECK (min_order > 0),
    halal          INTEGER NOT NULL CHECK (halal IN (0, 1)),
    nib            TEXT UNIQUE,
    verified       INTEGER NOT NULL DEFAULT 0,           -- shown in the directory only when 1
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL
);

CREATE TABLE producer_categories (
    producer_id INTEGER NOT NULL REFERENCES producers(id) ON DELETE CASCADE,
    category    TEXT NOT NULL REFERENCES categories(slug),
    PRIMARY KEY (producer_id, category)
);

CREATE TABLE products (
    id          INTEGER PRIMARY KEY,
    producer_id INTEGER NOT NULL REFERENCES producers(id) ON DELETE CASCADE,
    name        TEXT NOT NULL,
    created_at  TEXT NOT NULL
);
CREATE INDEX products_by_producer ON products(producer_id);

-- Invite deep links: staff who register through one are approved for that office at once.
CREATE TABLE invites (
    token      TEXT PRIMARY KEY,
    office_id  INTEGER NOT NULL REFERENCES offices(id),
    created_by INTEGER NOT NULL REFERENCES users(id),
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    uses       INTEGER NOT NULL DEFAULT 0
);

-- Every verification decision, for the record.
CREATE TABLE verification_log (
    id         INTEGER PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES users(id),
    decided_by INTEGER REFERENCES users(id),       -- NULL when an invite approved it
    decision   TEXT NOT NULL CHECK (decision IN ('approved', 'rejected')),
    invite     TEXT,
    decided_at TEXT NOT NULL
);

-- Guided-flow state per chat (teloxide's Storage, implemented over this table).
CREATE TABLE dialogues (
    chat_id    INTEGER PRIMARY KEY,
    state      TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

-- Every incoming update, stored before the getUpdates offset moves past it.
-- status: received (not handled yet, replayed at start-up) -> done | failed.
CREATE TABLE inbox (
    update_id   INTEGER PRIMARY KEY,
    received_at TEXT NOT NULL,
    user_id     INTEGER,
    chat_id     INTEGER,
    kind        TEXT NOT NULL,
    content     TEXT,             -- message text, caption or callback data
    raw         TEXT NOT NULL,    -- the update as JSON
    status      TEXT NOT NULL DEFAULT 'received' CHECK (status IN ('received', 'done', 'failed')),
    handled_at  TEXT,
    error       TEXT
);
CREATE INDEX inbox_unfinished ON inbox(update_id) WHERE status = 'received';
CREATE INDEX inbox_by_chat ON inbox(chat_id, update_id);

-- Every message the bot sent or edited.
CREATE TABLE messages_out (
    id                  INTEGER PRIMARY KEY,
    chat_id             INTEGER NOT NULL,
    telegram_message_id INTEGER,
    method              TEXT NOT NULL,
    text                TEXT,
    sent_at             TEXT NOT NULL
);
CREATE INDEX messages_out_by_chat ON messages_out(chat_id, id);
