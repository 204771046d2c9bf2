using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;

namespace Kabar.Web.Fetching;

/// <summary>How a fetcher behaves toward the sites it reads.</summary>
/// <param name="Timeout">Longest wait for one response, headers and body.</param>
/// <param name="HostInterval">Least time between two requests to one host.</param>
/// <param name="Attempts">Tries for a request that times out, fails on the network or gets a 5xx or 429.</param>
/// <param name="Backoff">Wait before the second try; doubled for each later one.</param>
/// <param name="MaxRedirects">Redirects followed before giving up.</param>
public sealed record FetchPolicy(TimeSpan Timeout, TimeSpan HostInterval, int Attempts, TimeSpan Backoff, int MaxRedirects = 5)
{
    /// <summary>20 s timeout, one request a second per host, three tries from 2 s.</summary>
    public static FetchPolicy Default { get; } = new(TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(1), 3, TimeSpan.FromSeconds(2));

    /// <summary>What Kabar says it is to every server.</summary>
    public const string UserAgent = "Kabar/1.0 (news analysis; +https://github.com/kabar-news/kabar)";
}

/// <summary>A fetched response: 200 with its body, or 304 when a conditional request found nothing new.</summary>
public sealed record Fetched(HttpStatusCode Status, byte[] Body, string? ContentType, string? ETag, string? LastModified, Uri FinalUrl);

/// <summary>A response, or a one-line problem naming the address and whether trying later may help.</summary>
public sealed record FetchResult(Fetched? Response, string? Problem, bool Transient)
{
    public static FetchResult Of(Fetched response) => new(response, null, false);

    public static FetchResult Failed(string problem, bool transient = false) => new(null, problem, transient);
}

/// <summary>
/// Fetches pages and feeds the way a well-behaved crawler does: its own User-Agent, robots.txt obeyed (read once per
/// host), one request at a time per host with a pause between, a timeout per request, retries with doubling backoff
/// for transient failures only, redirects followed to a limit with loops detected, bodies capped at
/// <see cref="Limits.MaxPageBytes"/>, and conditional requests (ETag, Last-Modified). Every failure is a one-line
/// message naming the address.
/// </summary>
public sealed class PoliteFetcher(HttpClient client, FetchPolicy policy)
{
    private readonly ConcurrentDictionary<string, RobotsRules> _robots = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, long> _lastRequest = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>An <see cref="HttpClient"/> set up for <see cref="PoliteFetcher"/>: no automatic redirects (they are
    /// followed and checked here), decompression on, no overall timeout (each request has its own).</summary>
    public static HttpClient CreateClient() => new(new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.All,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
    })
    { Timeout = Timeout.InfiniteTimeSpan };

    /// <summary>The response to GET <paramref name="url"/>, or why there is none.</summary>
    public async Task<FetchResult> GetAsync(Uri url, string? etag = null, string? lastModified = null, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(url);
        var visited = new HashSet<string>(StringComparer.Ordinal);
        Uri current = url;
        for (int hop = 0; ; hop++)
        {
            if (!visited.Add(current.AbsoluteUri))
            {
                return FetchResult.Failed($"{url}: redirect loop at {current}");
            }

            if (hop > policy.MaxRedirects)
            {
                return FetchResult.Failed($"{url}: more than {policy.MaxRedirects} redirects");
            }

            if (current.Scheme is not ("http" or "https"))
            {
                return FetchResult.Failed($"{url}: {current.Scheme} addresses are not fetched");
            }

            (RobotsRules? robots, string? unreadable) = await RobotsAsync(current, cancel);
            if (robots is null)
            {
                return FetchResult.Failed($"{current}: robots.txt cannot be read ({unreadable}), so nothing is fetched from this host for now", transient: true);
            }

            if (!robots.Allows(current.PathAndQuery))
            {
                return FetchResult.Failed($"{current}: disallowed by {current.GetLeftPart(UriPartial.Authority)}/robots.txt");
            }

            (HttpResponseMessage? response, string? problem) = await SendAsync(current, hop == 0 ? etag : null, hop == 0 ? lastModified : null, cancel);
            if (response is null)
            {
                return FetchResult.Failed(problem!, transient: true);
            }

            using HttpResponseMessage message = response;
            int status = (int)message.StatusCode;
            if (status is >= 300 and < 400 && status != 304)
            {
                if (message.Headers.Location is not { } location)
                {
                    return FetchResult.Failed($"{current}: HTTP {status} without a Location");
                }

                current = location.IsAbsoluteUri ? location : new Uri(current, location);
                continue;
            }

            if (message.StatusCode == HttpStatusCode.NotModified)
            {
                return FetchResult.Of(new Fetched(HttpStatusCode.NotModified, [], null, etag, lastModified, current));
            }

            if (status != 200)
            {
                return FetchResult.Failed($"{current}: HTTP {status} {message.ReasonPhrase}", transient: status is 429 or >= 500);
            }

            (byte[]? body, string? unread, bool transient) = await ReadCappedAsync(message, current, cancel);
            return body is null
                ? FetchResult.Failed(unread!, transient)
                : FetchResult.Of(new Fetched(HttpStatusCode.OK, body, message.Content.Headers.ContentType?.ToString(),
                    message.Headers.ETag?.ToString(), message.Content.Headers.LastModified?.ToString("R"), current));
        }
    }

    // One request, tried again after a timeout, a network failure, a 429 or a 5xx, with doubling pauses.
    private async Task<(HttpResponseMessage?, string?)> SendAsync(Uri url, string? etag, string? lastModified, CancellationToken cancel)
    {
        string last = "";
        for (int attempt = 1; attempt <= policy.Attempts; attempt++)
        {
            if (attempt > 1)
            {
                await Task.Delay(policy.Backoff * Math.Pow(2, attempt - 2), cancel);
            }

            await WaitForHostAsync(url, cancel);
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.UserAgent.ParseAdd(FetchPolicy.UserAgent);
            if (etag is not null && EntityTagHeaderValue.TryParse(etag, out EntityTagHeaderValue? tag))
            {
                request.Headers.IfNoneMatch.Add(tag);
            }

            if (lastModified is not null && DateTimeOffset.TryParse(lastModified, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out DateTimeOffset since))
            {
                request.Headers.IfModifiedSince = since;
            }

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancel);
            timeout.CancelAfter(policy.Timeout);
            try
            {
                HttpResponseMessage response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
                int status = (int)response.StatusCode;
                if (status is 429 or >= 500 && attempt < policy.Attempts)
                {
                    last = $"HTTP {status}";
                    response.Dispose();
                    continue;
                }

                return (response, null);
            }
            catch (OperationCanceledException) when (!cancel.IsCancellationRequested)
            {
                last = $"no answer within {policy.Timeout.TotalSeconds:0.#} s";
            }
            catch (HttpRequestException e)
            {
                last = e.Message;
            }
        }

        return (null, $"{url}: {last} (tried {policy.Attempts} times)");
    }

    private async Task<(byte[]? Body, string? Problem, bool Transient)> ReadCappedAsync(HttpResponseMessage message, Uri url, CancellationToken cancel)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        timeout.CancelAfter(policy.Timeout);
        try
        {
            await using Stream body = await message.Content.ReadAsStreamAsync(timeout.Token);
            using var output = new MemoryStream();
            byte[] buffer = new byte[81920];
            int read;
            while ((read = await body.ReadAsync(buffer, timeout.Token)) > 0)
            {
                if (output.Length + read > Limits.MaxPageBytes)
                {
                    return (null, $"{url}: body over the {Limits.MaxPageBytes:N0}-byte limit; not read", false);
                }

                output.Write(buffer, 0, read);
            }

            return (output.ToArray(), null, false);
        }
        catch (OperationCanceledException) when (!cancel.IsCancellationRequested)
        {
            return (null, $"{url}: body not finished within {policy.Timeout.TotalSeconds:0.#} s", true);
        }
        catch (Exception e) when (e is HttpRequestException or IOException or InvalidDataException)
        {
            return (null, $"{url}: body cannot be read: {e.Message}", true);
        }
    }

    private async Task WaitForHostAsync(Uri url, CancellationToken cancel)
    {
        while (true)
        {
            long now = Stopwatch.GetTimestamp();
            long last = _lastRequest.GetOrAdd(url.Authority, 0);
            TimeSpan since = last == 0 ? TimeSpan.MaxValue : Stopwatch.GetElapsedTime(last, now);
            if (since >= policy.HostInterval)
            {
                if (_lastRequest.TryUpdate(url.Authority, now, last))
                {
                    return;
                }

                continue;
            }

            await Task.Delay(policy.HostInterval - since, cancel);
        }
    }

    // No robots.txt (4xx) allows everything; one that cannot be read (5xx, no answer) allows nothing, and is asked
    // for again next time rather than remembered.
    private async Task<(RobotsRules?, string?)> RobotsAsync(Uri url, CancellationToken cancel)
    {
        string authority = url.GetLeftPart(UriPartial.Authority);
        if (_robots.TryGetValue(authority, out RobotsRules? known))
        {
            return (known, null);
        }

        (HttpResponseMessage? response, string? problem) = await SendAsync(new Uri(authority + "/robots.txt"), null, null, cancel);
        if (response is null)
        {
            return (null, problem);
        }

        using (response)
        {
            int status = (int)response.StatusCode;
            if (status is >= 400 and < 500)
            {
                return (_robots.GetOrAdd(authority, RobotsRules.AllowAll), null);
            }

            if (status != 200)
            {
                return (null, $"HTTP {status}");
            }

            (byte[]? body, string? unread, _) = await ReadCappedAsync(response, url, cancel);
            return body is null ? (null, unread) : (_robots.GetOrAdd(authority, RobotsRules.Parse(System.Text.Encoding.UTF8.GetString(body), "kabar")), null);
        }
    }
}
