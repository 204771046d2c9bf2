using Kabar.Ingest;
using Kabar.Pipeline;
using Kabar.Storage.Sqlite;
using Kabar.Testing;
using Kabar.Web.Html;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Kabar.Server.Tests;

/// <summary>
/// A real <c>kabar serve</c> on a free loopback port over a new database in a temporary folder, optionally loaded
/// with the bundled sample articles the way <c>kabar ingest samples/articles</c> loads them.
/// </summary>
public sealed class RunningServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _folder;

    private RunningServer(WebApplication app, string folder, string database, Uri address)
    {
        _app = app;
        _folder = folder;
        Database = database;
        Address = address;
        Client = new HttpClient { BaseAddress = address };
    }

    public string Database { get; }

    public Uri Address { get; }

    public HttpClient Client { get; }

    public static async Task<RunningServer> StartAsync(bool samples = true, string? token = null, string urls = "http://127.0.0.1:0")
    {
        string folder = Path.Combine(Path.GetTempPath(), "kabar-server-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        string database = Path.Combine(folder, "kabar.db");
        if (samples)
        {
            using SqliteArticleStore store = SqliteArticleStore.Open(database);
            var ingester = new Kabar.Storage.Ingester(NewsPipeline.Default, store, pages: HtmlPages.Default);
            foreach (InputItem item in new InputReader(() => Stream.Null).Read([RepoPaths.Samples]))
            {
                ingester.Ingest(item.Source!, item.Raw!);
            }

            ingester.Checkpoint();
        }

        WebApplication app = KabarServer.Build(new ServerOptions(database, urls, token));
        await app.StartAsync();
        string bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new RunningServer(app, folder, database, new Uri(bound.Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal).Replace("[::]", "127.0.0.1", StringComparison.Ordinal) + "/"));
    }

    private bool _stopped;

    /// <summary>Stops the server as Ctrl+C would; the database stays until disposal.</summary>
    public async Task StopAsync()
    {
        if (!_stopped)
        {
            _stopped = true;
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await StopAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // a file still held open is left to the system's temporary-folder cleanup
        }
    }
}

/// <summary>One server with the samples for a whole test class (its tests only read, or write what no other test reads).</summary>
public sealed class SampleServer : IAsyncLifetime
{
    public RunningServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await RunningServer.StartAsync();

    public async Task DisposeAsync() => await Server.DisposeAsync();
}
