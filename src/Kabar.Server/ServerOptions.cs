using System.Net;

namespace Kabar.Server;

/// <summary>How <c>kabar serve</c> runs.</summary>
/// <param name="Database">The SQLite database file (created if missing).</param>
/// <param name="Urls">Where to listen, separated by ';' (default loopback only).</param>
/// <param name="Token">The bearer token the ingest endpoints require; needed to ingest on any address but loopback.</param>
public sealed record ServerOptions(string Database, string Urls = ServerOptions.DefaultUrls, string? Token = null)
{
    /// <summary>Loopback only: nothing outside this machine can reach the server unless asked.</summary>
    public const string DefaultUrls = "http://127.0.0.1:5080";

    /// <summary>Whether every address listened on is loopback (127.0.0.0/8, ::1, localhost).</summary>
    public bool LoopbackOnly => Urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).All(IsLoopback);

    private static bool IsLoopback(string url)
    {
        // Kestrel's wildcards ("http://*:80", "http://+:80") are not valid URIs; they mean every address.
        if (!Uri.TryCreate(url.Replace("://*", "://wildcard", StringComparison.Ordinal).Replace("://+", "://wildcard", StringComparison.Ordinal),
                UriKind.Absolute, out Uri? uri))
        {
            return false;
        }

        return uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out IPAddress? address) && IPAddress.IsLoopback(address));
    }
}
