using Microsoft.Data.Sqlite;

namespace Kabar.Storage.Sqlite;

public sealed partial class SqliteArticleStore
{
    /// <summary>The ETag and Last-Modified a feed last answered with (null when never read).</summary>
    public (string? ETag, string? LastModified) FeedValidators(string feed)
    {
        SqliteCommand command = Command("SELECT etag, last_modified FROM feeds WHERE url = $url");
        Bind(command, "$url", feed);
        using SqliteDataReader reader = command.ExecuteReader();
        return reader.Read() ? (reader.TextOrNull(0), reader.TextOrNull(1)) : (null, null);
    }

    /// <summary>Keeps a feed's validators for the next conditional request.</summary>
    public void SaveFeedValidators(string feed, string? etag, string? lastModified)
    {
        SqliteCommand command = Command("""
            INSERT INTO feeds (url, etag, last_modified) VALUES ($url, $etag, $modified)
            ON CONFLICT (url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified
            """);
        Bind(command, "$url", feed);
        Bind(command, "$etag", etag);
        Bind(command, "$modified", lastModified);
        command.ExecuteNonQuery();
    }

    /// <summary>Whether an item of a feed was already taken (stored, or given up for good).</summary>
    public bool FeedItemSeen(string feed, string item)
    {
        SqliteCommand command = Command("SELECT 1 FROM feed_items WHERE feed = $feed AND item = $item");
        Bind(command, "$feed", feed);
        Bind(command, "$item", item);
        return command.ExecuteScalar() is not null;
    }

    /// <summary>Records that an item was taken, with the article it became (if any) and how it ended.</summary>
    public void MarkFeedItem(string feed, string item, long? article, string outcome)
    {
        SqliteCommand command = Command("INSERT OR REPLACE INTO feed_items (feed, item, article_id, outcome) VALUES ($feed, $item, $article, $outcome)");
        Bind(command, "$feed", feed);
        Bind(command, "$item", item);
        Bind(command, "$article", article);
        Bind(command, "$outcome", outcome);
        command.ExecuteNonQuery();
    }
}
