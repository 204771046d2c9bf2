namespace Kabar.Storage.Sqlite;

/// <summary>
/// The schema, one script per version. A database records its version in <c>PRAGMA user_version</c>; opening it
/// applies the scripts it lacks, each in a transaction. Scripts are never edited once released: add a new one.
/// </summary>
internal static class Migrations
{
    public static readonly string[] Scripts =
    [
        // 1: articles with raw bytes and derived data, duplicate links and LSH bands; quarantined inputs.
        """
        CREATE TABLE articles (
            id            INTEGER PRIMARY KEY,
            ingest_key    TEXT    NOT NULL UNIQUE,
            origin        TEXT    NOT NULL,
            external_id   TEXT,
            url           TEXT,
            title         TEXT,
            outlet        TEXT,
            published     TEXT,
            language      TEXT    NOT NULL,
            encoding      TEXT    NOT NULL,
            content_hash  TEXT    NOT NULL,
            duplicate_of  INTEGER REFERENCES articles(id),
            near_of       INTEGER REFERENCES articles(id),
            near_kind     TEXT,
            similarity    REAL,
            cluster       INTEGER NOT NULL,
            story         TEXT    NOT NULL,
            sentences     INTEGER NOT NULL,
            text          TEXT    NOT NULL,
            extra_json    TEXT,
            raw           BLOB    NOT NULL
        );
        CREATE INDEX articles_content_hash ON articles (content_hash, id);
        CREATE TABLE lsh_bands (
            band        INTEGER NOT NULL,
            key         INTEGER NOT NULL,
            article_id  INTEGER NOT NULL REFERENCES articles(id)
        );
        CREATE INDEX lsh_bands_lookup ON lsh_bands (band, key);
        CREATE TABLE quarantine (
            id          INTEGER PRIMARY KEY,
            ingest_key  TEXT    NOT NULL UNIQUE,
            origin      TEXT    NOT NULL,
            reason      TEXT    NOT NULL,
            message     TEXT    NOT NULL,
            raw         BLOB    NOT NULL
        );
        """,
        // 2: stories (members, centroids, the index by which new articles find them) and the corpus statistics.
        // Articles stored before get their stories when an ingester first opens the database.
        """
        ALTER TABLE articles ADD COLUMN story_id INTEGER;
        ALTER TABLE articles ADD COLUMN story_score REAL;
        ALTER TABLE articles ADD COLUMN story_reason TEXT;
        CREATE INDEX articles_story ON articles (story_id, id);
        CREATE INDEX articles_cluster ON articles (cluster, id);
        CREATE TABLE stories (
            id         INTEGER PRIMARY KEY,
            first_day  TEXT,
            last_day   TEXT,
            size       INTEGER NOT NULL,
            title      TEXT,
            centroid   BLOB    NOT NULL
        );
        CREATE INDEX stories_last_day ON stories (last_day);
        CREATE TABLE story_terms (
            key    INTEGER NOT NULL,
            story  INTEGER NOT NULL REFERENCES stories(id)
        );
        CREATE INDEX story_terms_key ON story_terms (key);
        CREATE INDEX story_terms_story ON story_terms (story);
        CREATE TABLE corpus_statistics (
            id          INTEGER PRIMARY KEY CHECK (id = 1),
            through_id  INTEGER NOT NULL,
            data        BLOB    NOT NULL
        );
        """,

        // 3: a story's postings carry its days, so a look-up seeks straight to the stories inside its time window
        // instead of walking every posting of a common term. Undated stories span all days.
        """
        ALTER TABLE story_terms ADD COLUMN first_day TEXT NOT NULL DEFAULT '0000-01-01';
        ALTER TABLE story_terms ADD COLUMN last_day TEXT NOT NULL DEFAULT '9999-12-31';
        UPDATE story_terms SET
            first_day = coalesce((SELECT s.first_day FROM stories s WHERE s.id = story), '0000-01-01'),
            last_day = coalesce((SELECT s.last_day FROM stories s WHERE s.id = story), '9999-12-31');
        DROP INDEX story_terms_key;
        CREATE INDEX story_terms_key_day ON story_terms (key, last_day, first_day, story);
        """,

        // 4: web pages: what the raw bytes are (the article is extracted again from them when needed) and the charset
        // the server declared.
        """
        ALTER TABLE articles ADD COLUMN format TEXT NOT NULL DEFAULT 'text';
        ALTER TABLE articles ADD COLUMN charset TEXT;
        """,

        // 5: watched feeds: the validators for conditional requests, and the items already taken (so a restart
        // fetches nothing twice).
        """
        CREATE TABLE feeds (
            url            TEXT PRIMARY KEY,
            etag           TEXT,
            last_modified  TEXT
        );
        CREATE TABLE feed_items (
            feed        TEXT NOT NULL,
            item        TEXT NOT NULL,
            article_id  INTEGER,
            outcome     TEXT NOT NULL,
            PRIMARY KEY (feed, item)
        );
        """,

        // 6: full-text search over titles and cleaned texts, and indexes for the web pages. The index keeps no copy of the text (it reads the
        // articles table for snippets); words are indexed as written, lower-cased and without diacritics, and
        // Indonesian affixes are handled when the query is built (SearchQuery), so the index never over-stems.
        """
        CREATE VIRTUAL TABLE article_search USING fts5(
            title, text, content = 'articles', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2', prefix = '3');
        INSERT INTO article_search (article_search) VALUES ('rebuild');

        -- What the web pages ask on every request: the newest stories, an outlet's stories, and the duplicate counts
        -- (partial indexes hold only the copies, so counting them reads no article rows).
        CREATE INDEX stories_recent ON stories (last_day, id);
        DROP INDEX stories_last_day;
        CREATE INDEX articles_duplicate_of ON articles (duplicate_of) WHERE duplicate_of IS NOT NULL;
        CREATE INDEX articles_near_of ON articles (near_of) WHERE near_of IS NOT NULL;
        CREATE INDEX articles_outlet ON articles (outlet COLLATE NOCASE, story_id);
        DROP INDEX articles_story;
        CREATE INDEX articles_story ON articles (story_id, outlet);
        """,

        // 7: band keys in one covering B-tree, written and searched by key alone (each key already mixes in its band
        // number), and the settings of the store. The keys are made again from the stored story words whenever the
        // signature format they were made with (setting 'signature_format') is not the running one, which is how a
        // store of version 6, made with 128 independent hash functions, gets its keys.
        """
        DROP TABLE lsh_bands;
        CREATE TABLE lsh_keys (
            key         INTEGER NOT NULL,
            article_id  INTEGER NOT NULL,
            PRIMARY KEY (key, article_id)
        ) WITHOUT ROWID;
        CREATE TABLE settings (
            name   TEXT PRIMARY KEY,
            value  TEXT NOT NULL
        ) WITHOUT ROWID;
        """,

        // 8: the story index clustered by key in save order, with days as DateOnly day numbers (null for undated): an
        // ingest reads a key's postings in the order they were saved, which the rowid table of v3 answered through an
        // index ordered by day, a sort, and two date conversions a posting. A posting's saved_by is the article whose
        // arrival saved the story, so for the rows kept from v3 it is the story's newest member.
        """
        CREATE TABLE story_postings (
            key        INTEGER NOT NULL,
            saved_by   INTEGER NOT NULL,
            story      INTEGER NOT NULL,
            first_day  INTEGER,
            last_day   INTEGER,
            PRIMARY KEY (key, saved_by)
        ) WITHOUT ROWID;
        CREATE TEMP TABLE last_saves AS SELECT story_id AS story, max(id) AS saved_by FROM articles WHERE story_id IS NOT NULL GROUP BY story_id;
        INSERT INTO story_postings (key, saved_by, story, first_day, last_day)
        SELECT t.key, s.saved_by, t.story,
               CASE WHEN t.first_day = '0000-01-01' THEN NULL ELSE CAST(julianday(t.first_day) - 1721425.5 AS INTEGER) END,
               CASE WHEN t.last_day = '9999-12-31' THEN NULL ELSE CAST(julianday(t.last_day) - 1721425.5 AS INTEGER) END
        FROM story_terms t JOIN temp.last_saves s ON s.story = t.story
        ORDER BY t.key, s.saved_by;
        DROP TABLE temp.last_saves;
        DROP TABLE story_terms;
        CREATE INDEX story_postings_story ON story_postings (story);
        """,

        // 9: new band keys go to a small B-tree first and are merged into lsh_keys, in key order, once there are many.
        // Inserted one by one into the big B-tree, each of an article's ~60 keys dirtied a leaf of its own, and every
        // batch commit wrote all those leaves to the WAL.
        """
        CREATE TABLE lsh_keys_recent (
            key         INTEGER NOT NULL,
            article_id  INTEGER NOT NULL,
            PRIMARY KEY (key, article_id)
        ) WITHOUT ROWID;
        """,

        // 10: a Bloom filter of the duplicate keys (KeyFilter), so a look-up asks the B-trees only for keys that may be
        // stored; the store makes it when it opens a database upgraded from before.
        """
        CREATE TABLE key_filter (
            id    INTEGER PRIMARY KEY CHECK (id = 1),
            keys  INTEGER NOT NULL,
            bits  BLOB NOT NULL
        );
        """,

        // 11: the key filter's checksum (KeyFilter.Checksum), without which a filter of the right length with bits
        // cleared would pass for the saved one and hide stored copies. It comes before the bits: a column after a
        // 130 MB blob is reached only through every overflow page of it. A filter saved before it is made again.
        """
        DROP TABLE key_filter;
        CREATE TABLE key_filter (
            id        INTEGER PRIMARY KEY CHECK (id = 1),
            keys      INTEGER NOT NULL,
            checksum  INTEGER NOT NULL,
            bits      BLOB NOT NULL
        );
        """,

        // 12: the recent band keys in arrival order, looked up in memory (RecentKeys): in key order, every batch commit
        // rewrote most leaves of their table.
        """
        CREATE TABLE lsh_keys_arrived (
            article_id  INTEGER NOT NULL,
            key         INTEGER NOT NULL,
            PRIMARY KEY (article_id, key)
        ) WITHOUT ROWID;
        INSERT INTO lsh_keys_arrived (article_id, key) SELECT article_id, key FROM lsh_keys_recent ORDER BY article_id, key;
        DROP TABLE lsh_keys_recent;
        ALTER TABLE lsh_keys_arrived RENAME TO lsh_keys_recent;
        """,

        // 13: the search index without its index of 3-letter prefixes, which no query has used since endings are listed
        // (SearchQuery) and which made indexing a batch half as costly again. FTS5 cannot drop it, so the index is made
        // again from the articles: 178 s for the million-article benchmark store.
        """
        DROP TABLE article_search;
        CREATE VIRTUAL TABLE article_search USING fts5(
            title, text, content = 'articles', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2');
        INSERT INTO article_search (article_search) VALUES ('rebuild');
        """,

        // 14: story postings saved since the last merge, in arrival order (RecentPostings): inserted into the key-ordered
        // table one save at a time, a story's keys dirtied a random leaf each. This table holds each story's latest save
        // since the merge, which supersedes the story's rows in story_postings; story_postings_live is the index as a
        // look-up sees it.
        """
        CREATE TABLE story_postings_recent (
            saved_by   INTEGER NOT NULL,
            key        INTEGER NOT NULL,
            story      INTEGER NOT NULL,
            first_day  INTEGER,
            last_day   INTEGER,
            PRIMARY KEY (saved_by, key)
        ) WITHOUT ROWID;
        CREATE VIEW story_postings_live AS
            SELECT key, saved_by, story, first_day, last_day FROM story_postings
            WHERE story NOT IN (SELECT story FROM story_postings_recent)
            UNION ALL
            SELECT key, saved_by, story, first_day, last_day FROM story_postings_recent;
        """,

        // 15: the search index buffers a whole batch and merges less often. With FTS5's defaults (a 1 MB buffer, merging
        // four segments of a level) a batch of ~2,000 articles was flushed as several segments, and every page flushed
        // paid for merge work on each level; the full-text index was a quarter of the pages a batch wrote. 75,000
        // articles into the million-article store: 82 s → 72.5 s. Queries read up to 16 segments a level instead of 4;
        // ranked searches at 1M took as long as before (~300 ms for a common word).
        """
        INSERT INTO article_search (article_search, rank) VALUES ('hashsize', 67108864);
        INSERT INTO article_search (article_search, rank) VALUES ('automerge', 16);
        """,

        // 16: a middle level for the duplicate keys, between the recent ones and lsh_keys. A merge inserts ~2 M keys
        // spread over the whole key space, so merged straight into lsh_keys it rewrote nearly every leaf of it (~1 GB at
        // a million articles) and emptied the page cache on the way; merged here, it rewrites only this table's leaves,
        // and this table goes into lsh_keys once every few merges (SqliteArticleStore.NewerMergesPerFlush).
        """
        CREATE TABLE lsh_keys_newer (
            key         INTEGER NOT NULL,
            article_id  INTEGER NOT NULL,
            PRIMARY KEY (key, article_id)
        ) WITHOUT ROWID;
        """,

        // 17: story centroids by feature key rather than text (CentroidCodec), so that scoring a candidate story decodes
        // no strings and looks up no word's hash. The function is CentroidCodec.Upgrade, which Migrate registers.
        """
        UPDATE stories SET centroid = kabar_centroid_by_keys(centroid);
        """,

        // 18: an article's raw bytes and story words packed (Kabar.Storage.Packed, Brotli), made on the preparing
        // threads: the two took two thirds of an article's row, ~6.3 KB of 9.5 at a million generated articles. A row
        // with raw_packed = 1 holds both packed, and its words are a BLOB, so that reading the words alone (the first
        // of the long columns) needs no other column; rows stored before keep both as they were.
        """
        ALTER TABLE articles ADD COLUMN raw_packed INTEGER NOT NULL DEFAULT 0;
        """,

        // 19: the exact-duplicate look-up out of the articles' index. Content hashes are random, so each article's
        // entry in articles_content_hash dirtied a leaf of its own: 1.1 of the 7.2 pages an article wrote at a million.
        // A new hash now goes to content_hashes_recent, appended in arrival order and held in memory, and those go
        // into content_hashes (each hash's earliest article) in hash order once there are many.
        """
        CREATE TABLE content_hashes (
            hash        TEXT    PRIMARY KEY,
            article_id  INTEGER NOT NULL
        ) WITHOUT ROWID;
        CREATE TABLE content_hashes_recent (
            article_id  INTEGER PRIMARY KEY,
            hash        TEXT    NOT NULL
        );
        INSERT INTO content_hashes (hash, article_id) SELECT content_hash, min(id) FROM articles GROUP BY content_hash;
        DROP INDEX articles_content_hash;
        """,

        // 20: the look-up by ingest key out of the articles' unique index likewise, into ingest_keys and
        // ingest_keys_recent: 1.1 of the 6.1 pages an article wrote at a million. The index is part of the table's
        // definition (ingest_key NOT NULL UNIQUE), and only a copy of the table could drop it, so a new row's column
        // takes its id as 8 big-endian bytes instead: a blob sorts after every text key, so the index takes them one
        // after another at its end.
        """
        CREATE TABLE ingest_keys (
            key         TEXT    PRIMARY KEY,
            article_id  INTEGER NOT NULL
        ) WITHOUT ROWID;
        CREATE TABLE ingest_keys_recent (
            article_id  INTEGER PRIMARY KEY,
            key         TEXT    NOT NULL
        );
        INSERT INTO ingest_keys (key, article_id) SELECT ingest_key, id FROM articles WHERE typeof(ingest_key) = 'text' ORDER BY ingest_key;
        """,
    ];

    /// <summary>The SQL functions the scripts call, which the connection that migrates must have.</summary>
    public static void AddFunctions(Microsoft.Data.Sqlite.SqliteConnection connection) =>
        connection.CreateFunction<byte[], byte[]>("kabar_centroid_by_keys", CentroidCodec.Upgrade, isDeterministic: true);

    public static int Latest => Scripts.Length;
}
