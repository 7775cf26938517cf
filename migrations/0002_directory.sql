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
-- Searches by filters alone list verified producers best-rated first
-- (store::directory's ORDER_BY_MERIT, written the same way).
CREATE INDEX producers_by_merit ON producers(
    (CASE WHEN rating_count = 0 THEN 0.0 ELSE CAST(rating_sum AS REAL) / rating_count END) DESC,
    finished_orders DESC, id
) WHERE verified = 1;

-- What search reads for one verified producer: name, products, categories
-- (slug and both names) and place names.
CREATE VIEW producer_search_doc AS
SELECT p.id AS id,
       p.business_name AS name,
       coalesce((SELECT group_concat(name, ' ') FROM products WHERE producer_id = p.id), '') AS products,
       coalesce((SELECT group_concat(c.slug || ' ' || c.name_id || ' ' || c.name_en, ' ')
                 FROM producer_categories pc JOIN categories c ON c.slug = pc.category
                 WHERE pc.producer_id = p.id), '') AS categories,
       coalesce((SELECT name FROM regencies WHERE code = p.regency_code), '') || ' ' ||
       coalesce((SELECT name FROM districts WHERE code = p.district_code), '') AS place
FROM producers p
WHERE p.verified = 1;  -- search never shows the others, so only these are indexed

-- Holds verified producers only (see the view), so a search without filters
-- is counted from the index alone. The prefix index keeps one- and
-- two-letter prefix terms ("a"*, "id"*) from merging thousands of words.
CREATE VIRTUAL TABLE producer_fts USING fts5(
    name, products, categories, place,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '1 2'
);

-- Every word of verified producers' names and products, for the typo
-- fallback: a misspelt term is matched against these words by their
-- three-letter pieces, then searched again as the words it is close to.
-- Words are only ever added (a word nobody uses any more matches nothing).
-- Triggers add them with NOT IN rather than OR IGNORE: an outer UPSERT
-- (store::demo) would override a trigger's conflict clause.
CREATE TABLE search_words (
    id   INTEGER PRIMARY KEY,
    word TEXT NOT NULL UNIQUE
);
CREATE VIRTUAL TABLE search_word_trigram USING fts5(
    word, content = 'search_words', content_rowid = 'id', tokenize = 'trigram'
);
CREATE TRIGGER search_words_ai AFTER INSERT ON search_words BEGIN
    INSERT INTO search_word_trigram(rowid, word) VALUES (NEW.id, NEW.word);
END;

-- The words of a verified producer's name and products: lower case, split at
-- white space (other punctuation stays; the fallback's scoring and the FTS
-- query both split there). A name JSON cannot hold gives no words.
CREATE VIEW producer_words AS
SELECT d.id AS id, w.value AS word
FROM (SELECT id, '["' || replace(replace(replace(replace(replace(replace(
                 lower(name || ' ' || products), '\', '\\'), '"', '\"'),
                 char(9), ' '), char(10), ' '), char(13), ' '), ' ', '","') || '"]' AS list
      FROM producer_search_doc) d,
     json_each(CASE WHEN json_valid(d.list) THEN d.list ELSE '[]' END) w
WHERE length(w.value) >= 3;

CREATE TRIGGER producers_ai AFTER INSERT ON producers BEGIN
    INSERT INTO producer_fts(rowid, name, products, categories, place)
        SELECT id, name, products, categories, place FROM producer_search_doc WHERE id = NEW.id;
    INSERT INTO search_words(word) SELECT DISTINCT word FROM producer_words
        WHERE id = NEW.id AND word NOT IN (SELECT word FROM search_words);
END;
CREATE TRIGGER producers_au AFTER UPDATE OF business_name, regency_code, district_code, verified ON producers BEGIN
    DELETE FROM producer_fts WHERE rowid = NEW.id;
    INSERT INTO producer_fts(rowid, name, products, categories, place)
        SELECT id, name, products, categories, place FROM producer_search_doc WHERE id = NEW.id;
    INSERT INTO search_words(word) SELECT DISTINCT word FROM producer_words
        WHERE id = NEW.id AND word NOT IN (SELECT word FROM search_words);
END;
CREATE TRIGGER producers_ad AFTER DELETE ON producers BEGIN
    DELETE FROM producer_fts WHERE rowid = OLD.id;
END;

CREATE TRIGGER products_ai AFTER INSERT ON products BEGIN
    DELETE FROM producer_fts WHERE rowid = NEW.producer_id;
    INSERT INTO producer_fts(rowid, name, products, categories, place)
        SELECT id, name, products, categories, place FROM producer_search_doc WHERE id = NEW.producer_id;
    INSERT INTO search_words(word) SELECT DISTINCT word FROM producer_words
        WHERE id = NEW.producer_id AND word NOT IN (SELECT word FROM search_words);
END;
CREATE TRIGGER products_au AFTER UPDATE OF name ON products BEGIN
    DELETE FROM producer_fts WHERE rowid = NEW.producer_id;
    INSERT INTO producer_fts(rowid, name, products, categories, place)
        SELECT id, name, products, categories, place FROM producer_search_doc WHERE id = NEW.producer_id;
    INSERT INTO search_words(word) SELECT DISTINCT word FROM producer_words
        WHERE id = NEW.producer_id AND word NOT IN (SELECT word FROM search_words);
END;
CREATE TRIGGER products_ad AFTER DELETE ON products BEGIN
    DELETE FROM producer_fts WHERE rowid = OLD.producer_id;
    INSERT INTO producer_fts(rowid, name, products, categories, place)
        SELECT id, name, products, categories, place FROM producer_search_doc WHERE id = OLD.producer_id;
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
INSERT INTO search_words(word) SELECT DISTINCT word FROM producer_words;

-- A search someone ran, so paging and filter buttons (64-byte callback
-- data) can refer to it by id.
CREATE TABLE searches (
    id         INTEGER PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES users(id),
    query      TEXT NOT NULL,          -- what was typed, for the header
    spec       TEXT NOT NULL,          -- JSON: terms and filters
    created_at TEXT NOT NULL
);
