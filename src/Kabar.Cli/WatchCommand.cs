using System.CommandLine;
using System.Globalization;
using Kabar.Pipeline;
using Kabar.Storage;
using Kabar.Web.Fetching;
using Kabar.Web.Html;

namespace Kabar.Cli;

/// <summary><c>kabar watch FEED… [--interval 15m] [--once] [--timeout 20s] [--host-interval 1s] [--db FILE]</c>.</summary>
internal static class WatchCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var feeds = new Argument<string[]>("feeds") { Description = "RSS 2.0 or Atom feed addresses (http or https).", Arity = ArgumentArity.OneOrMore };
        Option<string> db = DatabaseOption.Create();
        var interval = new Option<string>("--interval") { Description = "Time between passes over the feeds (90s, 15m, 1h).", DefaultValueFactory = _ => "15m" };
        var once = new Option<bool>("--once") { Description = "One pass, then stop." };
        var timeout = new Option<string>("--timeout") { Description = "Longest wait for one response.", DefaultValueFactory = _ => "20s" };
        var hostInterval = new Option<string>("--host-interval") { Description = "Least time between two requests to one host.", DefaultValueFactory = _ => "1s" };
        var command = new Command("watch", "Poll feeds; fetch, extract and store each new item's page (conditional GET, robots.txt, per-host pauses, retries).")
        {
            feeds, db, interval, once, timeout, hostInterval,
        };
        command.SetAction(parsed =>
        {
            var uris = new List<Uri>();
            foreach (string feed in parsed.GetValue(feeds)!)
            {
                if (!Uri.TryCreate(feed, UriKind.Absolute, out Uri? uri) || uri.Scheme is not ("http" or "https"))
                {
                    error.WriteLine($"kabar: {feed}: not an http or https address");
                    return ExitCodes.Usage;
                }

                uris.Add(uri);
            }

            TimeSpan? every = Duration(parsed.GetValue(interval)!, "--interval", error), wait = Duration(parsed.GetValue(timeout)!, "--timeout", error),
                pause = Duration(parsed.GetValue(hostInterval)!, "--host-interval", error);
            if (every is null || wait is null || pause is null)
            {
                return ExitCodes.Usage;
            }

            return DatabaseOption.WithStore(parsed.GetValue(db)!, error, store =>
            {
                using HttpClient client = PoliteFetcher.CreateClient();
                var fetcher = new PoliteFetcher(client, FetchPolicy.Default with { Timeout = wait.Value, HostInterval = pause.Value });
                Ingester ingester = DatabaseOption.Ingester(store, parsed.GetValue(db)!, error);
                var watcher = new FeedWatcher(store, ingester, fetcher, output, error);
                using var stop = new CancellationTokenSource();
                ConsoleCancelEventHandler onCancel = (_, e) => { e.Cancel = true; stop.Cancel(); };
                Console.CancelKeyPress += onCancel;
                try
                {
                    while (true)
                    {
                        int read = 0;
                        foreach (Uri feed in uris)
                        {
                            read += watcher.PollAsync(feed.AbsoluteUri, stop.Token).GetAwaiter().GetResult() ? 1 : 0;
                        }

                        ingester.Checkpoint();
                        if (parsed.GetValue(once))
                        {
                            return read > 0 ? ExitCodes.Success : ExitCodes.BadInput;
                        }

                        Task.Delay(every.Value, stop.Token).GetAwaiter().GetResult();
                    }
                }
                catch (OperationCanceledException)
                {
                    ingester.Checkpoint();
                    error.WriteLine("kabar: watch stopped");
                    return ExitCodes.Success;
                }
                finally
                {
                    Console.CancelKeyPress -= onCancel;
                }
            }, create: true);
        });
        return command;
    }

    /// <summary>"90s", "15m", "1h", "250ms", or plain seconds.</summary>
    internal static TimeSpan? Duration(string text, string option, TextWriter error)
    {
        (string number, double unit) = text switch
        {
            _ when text.EndsWith("ms", StringComparison.Ordinal) => (text[..^2], 0.001),
            _ when text.EndsWith('s') => (text[..^1], 1),
            _ when text.EndsWith('m') => (text[..^1], 60),
            _ when text.EndsWith('h') => (text[..^1], 3600),
            _ => (text, 1),
        };
        if (double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && value >= 0)
        {
            return TimeSpan.FromSeconds(value * unit);
        }

        error.WriteLine($"kabar: {option} '{text}' is not a duration like 90s, 15m or 1h");
        return null;
    }
}
