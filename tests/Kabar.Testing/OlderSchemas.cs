namespace Kabar.Testing;

/// <summary>SQL that turns parts of a current store back into what older schema versions had, to test upgrades.</summary>
public static class OlderSchemas
{
    /// <summary>The story index before version 14: all in one table, each story's latest save only.</summary>
    public const string PostingsInOneTable = """
        DELETE FROM story_postings WHERE story IN (SELECT story FROM story_postings_recent);
        INSERT INTO story_postings (key, saved_by, story, first_day, last_day)
        SELECT key, saved_by, story, first_day, last_day FROM story_postings_recent;
        DROP VIEW story_postings_live;
        DROP TABLE story_postings_recent;
        """;

    /// <summary>The story index before version 8: a rowid table in the order the postings were saved, days as text,
    /// undated stories spanning all days.</summary>
    public const string StoryTerms = PostingsInOneTable + """
        CREATE TABLE story_terms (key INTEGER NOT NULL, story INTEGER NOT NULL REFERENCES stories(id),
            first_day TEXT NOT NULL DEFAULT '0000-01-01', last_day TEXT NOT NULL DEFAULT '9999-12-31');
        CREATE INDEX story_terms_story ON story_terms (story);
        CREATE INDEX story_terms_key_day ON story_terms (key, last_day, first_day, story);
        INSERT INTO story_terms (key, story, first_day, last_day)
        SELECT key, story, coalesce(date(first_day + 1721425.5), '0000-01-01'), coalesce(date(last_day + 1721425.5), '9999-12-31')
        FROM story_postings ORDER BY saved_by;
        DROP TABLE story_postings;
        """;

    /// <summary>The band keys before version 9: all in one table.</summary>
    public const string KeysInOneTable = """
        INSERT OR IGNORE INTO lsh_keys (key, article_id) SELECT key, article_id FROM lsh_keys_recent;
        DROP TABLE lsh_keys_recent;
        """;

    /// <summary>The merged band keys before version 16: one table, without the newer level.</summary>
    public const string NoNewerKeys = """
        INSERT OR IGNORE INTO lsh_keys (key, article_id) SELECT key, article_id FROM lsh_keys_newer;
        DROP TABLE lsh_keys_newer;
        """;

    /// <summary>No key filter, as before version 10.</summary>
    public const string NoKeyFilter = "DROP TABLE key_filter;";

    /// <summary>FTS5's own buffer and merge settings for the search index, as before version 15.</summary>
    public const string DefaultSearchSettings = "DELETE FROM article_search_config WHERE k IN ('hashsize', 'automerge');";

    /// <summary>Story centroids by text, as before version 17 (CentroidCodec): a feature's UTF-8 length (2 bytes), its
    /// UTF-8 bytes and its weight. A key cannot be turned back into its word, so each key's 16 hex digits stand in for
    /// it: after the upgrade, the centroids have their weights but other keys.</summary>
    public const string CentroidsInWords = """
        UPDATE stories SET centroid = coalesce((
            WITH RECURSIVE feature(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM feature WHERE n < 9999)
            SELECT unhex(group_concat('1000' || hex(hex(substr(centroid, 12 * n + 1, 8))) || hex(substr(centroid, 12 * n + 9, 4)), '' ORDER BY n))
            FROM feature WHERE n < length(centroid) / 12), X'');
        """;

    /// <summary>Raw bytes and story words as they came, as before version 18 (<see cref="RawDatabase"/> unpacks them).</summary>
    public const string Unpacked = """
        UPDATE articles SET raw = kabar_unpack(raw), story = CAST(kabar_unpack(story) AS TEXT) WHERE raw_packed = 1;
        ALTER TABLE articles DROP COLUMN raw_packed;
        """;

    /// <summary>The exact-duplicate look-up by an index of the articles, as before version 19.</summary>
    public const string HashesInArticles = """
        CREATE INDEX articles_content_hash ON articles (content_hash, id);
        DROP TABLE content_hashes;
        DROP TABLE content_hashes_recent;
        """;

    /// <summary>The look-up by ingest key by the articles' unique index, as before version 20: each article's key in
    /// its own row.</summary>
    public const string IngestKeysInArticles = """
        UPDATE articles SET ingest_key = k.key
        FROM (SELECT key, article_id FROM ingest_keys UNION ALL SELECT key, article_id FROM ingest_keys_recent) AS k
        WHERE k.article_id = articles.id;
        DROP TABLE ingest_keys;
        DROP TABLE ingest_keys_recent;
        """;

    /// <summary>A store of schema version 19.</summary>
    public const string Version19 = IngestKeysInArticles + "PRAGMA user_version = 19;";

    /// <summary>A store of schema version 18.</summary>
    public const string Version18 = IngestKeysInArticles + HashesInArticles + "PRAGMA user_version = 18;";

    /// <summary>The layout every version before 18 shares: ingest keys in the articles' rows, raw bytes and words
    /// unpacked, content hashes in the articles' index.</summary>
    public const string Before18 = IngestKeysInArticles + HashesInArticles + Unpacked;

    /// <summary>A store of schema version 17.</summary>
    public const string Version17 = Before18 + "PRAGMA user_version = 17;";

    /// <summary>The layout every version before 16 shares: story centroids by text, merged band keys in one table.</summary>
    public const string Before16 = Before18 + CentroidsInWords + NoNewerKeys;

    /// <summary>A store of schema version 15: also its merged band keys in one table.</summary>
    public const string Version15 = Before16 + "PRAGMA user_version = 15;";

    /// <summary>A store of schema version 14: also its search index with FTS5's default settings.</summary>
    public const string Version14 = Before16 + DefaultSearchSettings + "PRAGMA user_version = 14;";

    /// <summary>A store of schema version 13: also its story index in one table.</summary>
    public const string Version13 = Before16 + DefaultSearchSettings + PostingsInOneTable + "PRAGMA user_version = 13;";

    /// <summary>A store of schema version 12: its search index also indexes the 3-letter prefixes of words.</summary>
    public const string Version12 = Version13 + """
        DROP TABLE article_search;
        CREATE VIRTUAL TABLE article_search USING fts5(
            title, text, content = 'articles', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2', prefix = '3');
        INSERT INTO article_search (article_search) VALUES ('rebuild');
        PRAGMA user_version = 12;
        """;

    /// <summary>A store of schema version 11: its recent keys in key order.</summary>
    public const string Version11 = Version12 + """
        CREATE TABLE lsh_keys_v11 (key INTEGER NOT NULL, article_id INTEGER NOT NULL, PRIMARY KEY (key, article_id)) WITHOUT ROWID;
        INSERT INTO lsh_keys_v11 (key, article_id) SELECT key, article_id FROM lsh_keys_recent;
        DROP TABLE lsh_keys_recent;
        ALTER TABLE lsh_keys_v11 RENAME TO lsh_keys_recent;
        PRAGMA user_version = 11;
        """;

    /// <summary>A store of schema version 10: its key filter has no checksum.</summary>
    public const string Version10 = Version11 + """
        ALTER TABLE key_filter RENAME TO key_filter_v11;
        CREATE TABLE key_filter (id INTEGER PRIMARY KEY CHECK (id = 1), keys INTEGER NOT NULL, bits BLOB NOT NULL);
        INSERT INTO key_filter (id, keys, bits) SELECT id, keys, bits FROM key_filter_v11;
        DROP TABLE key_filter_v11;
        PRAGMA user_version = 10;
        """;

    /// <summary>A store of schema version 9.</summary>
    public const string Version9 = Version11 + NoKeyFilter + "PRAGMA user_version = 9;";

    /// <summary>A store of schema version 7.</summary>
    public const string Version7 = Before16 + NoKeyFilter + KeysInOneTable + StoryTerms + "PRAGMA user_version = 7;";
}
