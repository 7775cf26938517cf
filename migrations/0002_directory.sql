-- Producer directory: catalogue details, leave days, ratings, and full-text
-- search kept current by triggers (a change is searchable at once).

ALTER TABLE producers ADD COLUMN capacity_unit TEXT NOT NULL DEFAULT 'pcs';
ALTER TABLE producers ADD COLUMN rating_sum INTEGER NOT NULL DEFAULT 0;
ALTER TABLE producers ADD COLUMN rating_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE producers ADD COLUMN finished_orders INTEGER NOT NULL DEFAULT 0;
ALTER TABLE producers ADD COLUMN source TEXT NOT NULL DEFAULT 'telegram'; -- telegram | import | demo

ALTER TABLE products ADD COLUMN photo_file_id TEXT;
ALTER TABLE products ADD COLUMN price_from INTEGER CHECK (price_from IS NULL OR price_from > 0);
ALTER TABLE products ADD COLUMN unit TEXT;
ALTER TABLE products ADD COLUMN min_order INTEGER CHECK (min_order IS NULL OR min_order > 0);
ALTER TABLE products ADD COLUMN lead_days INTEGER CHECK (lead_days IS NULL OR lead_days >= 0);

-- Days a producer takes no orders (inclusive, local dates YYYY-MM-DD).
CREATE TABLE producer_leave (
    id          INTEGER PRIMARY KEY,
    producer_id INTEGER NOT NULL REFERENCES producers(id) ON DELETE CASCADE,
    start_date  TEXT NOT NULL,
    end_date    TEXT NOT NULL CHECK (end_date >= start_date),
    created_at  TEXT NOT NULL
);
CREATE INDEX producer_leave_by_producer ON producer_leave(producer_id, end_date);

CREATE INDEX producers_by_regency ON producers(regency_code) WHERE verified = 1;
CREATE INDEX producer_categories_by_category ON producer_categories(category, producer_id);

-- What search reads for one producer: name, products, categories (slug and
-- both names) and place names.
CREATE VIEW producer_search_doc AS
SELECT p.id AS id,
       p.business_name AS name,
       coalesce((SELECT group_concat(name, ' ') FROM products WHERE producer_id = p.id), '') AS products,
       coalesce((SELECT group_concat(c.slug || ' ' || c.name_id || ' ' || c.name_en, ' ')
                 FROM producer_categories pc JOIN categories c ON c.slug = pc.category
                 WHERE pc.producer_id = p.id), '') AS categories,
       coalesce((SELECT name FROM regencies WHERE code = p.regency_code), '') || ' ' ||
       coalesce((SELECT name FROM districts WHERE code = p.district_code), '') AS place
FROM producers p;

CREATE VIRTUAL TABLE producer_fts USING fts5(
    name, products, categories, place,
    tokenize = 'unicode61 remove_diacritics 2'
);
-- Typo-tolerant fallback over the same words (needs 3+ characters a token).
CREATE VIRTUAL TABLE producer_trigram USING fts5(words, tokenize = 'trigram');

CREATE TRIGGER producers_ai AFTER INSERT ON producers BEGIN
    INSERT INTO producer_fts(rowid, name, products, categories, place)
        SELECT id, name, products, categories, place FROM producer_search_doc WHERE id = NEW.id;
    INSERT INTO producer_trigram(rowid, words)
        SELECT id, name || ' ' || products FROM producer_search_doc WHERE id = NEW.id;
END;
CREATE TRIGGER producers_au AFTER UPDATE OF business_name, regency_code, district_code ON producers BEGIN
    DELETE FROM producer_fts WHERE rowid = NEW.id;
    DELETE FROM producer_trigram WHERE rowid = NEW.id;
    INSERT INTO producer_fts(rowid, name, products, categories, place)
        SELECT id, name, products, categories, place FROM producer_search_doc WHERE id = NEW.id;
    INSERT INTO producer_trigram(rowid, words)
        SELECT id, name || ' ' || products FROM producer_search_doc WHERE id = NEW.id;
END;
CREATE TRIGGER producers_ad AFTER DELETE ON producers BEGIN
    DELETE FROM producer_fts WHERE rowid = OLD.id;
    DELETE FROM producer_trigram WHERE rowid = OLD.id;
END;

CREATE TRIGGER products_ai AFTER INSERT ON products BEGIN
    DELETE FROM producer_fts WHERE rowid = NEW.producer_id;
    DELETE FROM producer_trigram WHERE rowid = NEW.producer_id;
    INSERT INTO producer_fts(rowid, name, products, categories, place)
        SELECT id, name, products, categories, place FROM producer_search_doc WHERE id = NEW.producer_id;
    INSERT INTO producer_trigram(rowid, words)
        SELECT id, name || ' ' || products FROM producer_search_doc WHERE id = NEW.producer_id;
END;
CREATE TRIGGER products_au AFTER UPDATE OF name ON products BEGIN
    DELETE FROM producer_fts WHERE rowid = NEW.producer_id;
    DELETE FROM producer_trigram WHERE rowid = NEW.producer_id;
    INSERT INTO producer_fts(rowid, name, products, categories, place)
        SELECT id, name, products, categories, place FROM producer_search_doc WHERE id = NEW.producer_id;
    INSERT INTO producer_trigram(rowid, words)
        SELECT id, name || ' ' || products FROM producer_search_doc WHERE id = NEW.producer_id;
END;
CREATE TRIGGER products_ad AFTER DELETE ON products BEGIN
    DELETE FROM producer_fts WHERE rowid = OLD.producer_id;
    DELETE FROM producer_trigram WHERE rowid = OLD.producer_id;
    INSERT INTO producer_fts(rowid, name, products, categories, place)
        SELECT id, name, products, categories, place FROM producer_search_doc WHERE id = OLD.producer_id;
    INSERT INTO producer_trigram(rowid, words)
        SELECT id, name || ' ' || products FROM producer_search_doc WHERE id = OLD.producer_id;
END;

CREATE TRIGGER producer_categories_ai AFTER INSERT ON producer_categories BEGIN
    DELETE FROM producer_fts WHERE rowid = NEW.producer_id;
    INSERT INTO producer_fts(rowid, name, products, categories, place)
        SELECT id, name, products, categories, place FROM producer_search_doc WHERE id = NEW.producer_id;
END;
CREATE TRIGGER producer_categories_ad AFTER DELETE ON producer_categories BEGIN
    DELETE FROM producer_fts WHERE rowid = OLD.producer_id;
    INSERT INTO producer_fts(rowid, name, products, categories, place)
        SELECT id, name, products, categories, place FROM producer_search_doc WHERE id = OLD.producer_id;
END;

-- Index what is already there.
INSERT INTO producer_fts(rowid, name, products, categories, place)
    SELECT id, name, products, categories, place FROM producer_search_doc;
INSERT INTO producer_trigram(rowid, words)
    SELECT id, name || ' ' || products FROM producer_search_doc;

-- A search someone ran, so paging and filter buttons (64-byte callback
-- data) can refer to it by id.
CREATE TABLE searches (
    id         INTEGER PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES users(id),
    query      TEXT NOT NULL,          -- what was typed, for the header
    spec       TEXT NOT NULL,          -- JSON: terms and filters
    created_at TEXT NOT NULL
);
