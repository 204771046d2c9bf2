using System.CommandLine;
using Kabar.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Kabar.Cli;

/// <summary><c>kabar serve [--db FILE] [--urls URLS] [--token TOKEN]</c>: the web UI and JSON API until Ctrl+C.</summary>
internal static class ServeCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        Option<string> db = DatabaseOption.Create();
        var urls = new Option<string>("--urls")
        {
            Description = "Where to listen, separated by ';'. Loopback only unless asked: anything else needs --token to accept ingest.",
            DefaultValueFactory = _ => ServerOptions.DefaultUrls,
        };
        var token = new Option<string?>("--token") { Description = "The bearer token ingest requests must carry (default: $KABAR_TOKEN)." };
        var command = new Command("serve", "Serve the web UI (stories, a story's timeline and coverage, side-by-side compare, search) and the JSON API (/api, OpenAPI at /api/openapi.json).")
        {
            db, urls, token,
        };
        command.SetAction(async (parsed, cancel) =>
        {
            string listen = parsed.GetValue(urls)!;
            string[] addresses = listen.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (addresses.Length == 0 || !addresses.All(IsHttpUrl))
            {
                error.WriteLine($"kabar: --urls '{listen}' is not a list of http:// addresses like http://127.0.0.1:5080");
                return ExitCodes.Usage;
            }

            string? secret = parsed.GetValue(token) ?? (Environment.GetEnvironmentVariable("KABAR_TOKEN") is { Length: > 0 } t ? t : null);
            var options = new ServerOptions(parsed.GetValue(db)!, listen, secret);
            int opened = DatabaseOption.WithStore(options.Database, error, store =>
            {
                DatabaseOption.MakeOldKeysAgain(store, options.Database, error);
                return ExitCodes.Success;
            }, create: true);
            if (opened != ExitCodes.Success)
            {
                return opened;
            }

            WebApplication app = KabarServer.Build(options);
            try
            {
                await app.StartAsync(cancel);
            }
            catch (IOException e)
            {
                error.WriteLine($"kabar: cannot listen on {listen}: {e.Message}");
                await app.DisposeAsync();
                return ExitCodes.BadInput;
            }
            catch (OperationCanceledException) when (cancel.IsCancellationRequested)
            {
                error.WriteLine("kabar: stopped before serving");
                await app.DisposeAsync();
                return ExitCodes.Interrupted;
            }

            ICollection<string> bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [listen];
            output.WriteLine($"kabar: serving {options.Database} at {string.Join(", ", bound)} (API: /api, OpenAPI: /api/openapi.json); Ctrl+C stops");
            if (!options.LoopbackOnly && secret is null)
            {
                error.WriteLine("kabar: listening beyond loopback without --token: ingest is refused, reading is open to anyone who can reach it");
            }

            await app.WaitForShutdownAsync(cancel);
            await app.DisposeAsync();
            return ExitCodes.Success;
        });
        return command;
    }

    private static bool IsHttpUrl(string url) =>
        Uri.TryCreate(url.Replace("://*", "://any", StringComparison.Ordinal).Replace("://+", "://any", StringComparison.Ordinal), UriKind.Absolute, out Uri? uri)
        && uri.Scheme == Uri.UriSchemeHttp;
}
