using System.Net;
using System.Net.Sockets;
using Kabar.Testing;
using Microsoft.Data.Sqlite;

namespace Kabar.Cli.Tests;

public sealed class ServeCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("kabar-serve-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    [Theory]
    [InlineData("localhost:5080")]
    [InlineData("ftp://127.0.0.1:21")]
    [InlineData(";")]
    public void BadUrls_AreAUsageError(string urls)
    {
        (int exit, _, string err) = CliRunner.Run("serve", "--db", Path.Combine(_dir, "k.db"), "--urls", urls);
        Assert.Equal(2, exit);
        Assert.Contains("is not a list of http:// addresses", err, StringComparison.Ordinal);
    }

    [Fact]
    public void NotADatabase_IsOneLine()
    {
        string path = Path.Combine(_dir, "notes.db");
        File.WriteAllText(path, "these are notes, not a database, and long enough to have a header of sorts........");
        (int exit, _, string err) = CliRunner.Run("serve", "--db", path, "--urls", "http://127.0.0.1:0");
        Assert.Equal(3, exit);
        Assert.Single(err.Trim().Split('\n'));
        Assert.Contains("notes.db", err, StringComparison.Ordinal);
    }

    [Fact]
    public void PortInUse_IsOneLine()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        int port = ((IPEndPoint)taken.LocalEndpoint).Port;
        (int exit, _, string err) = CliRunner.Run("serve", "--db", Path.Combine(_dir, "k.db"), "--urls", $"http://127.0.0.1:{port}");
        Assert.Equal(3, exit);
        Assert.StartsWith($"kabar: cannot listen on http://127.0.0.1:{port}: ", err, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", err, StringComparison.Ordinal);
    }

    // Keys of an older format are made again before the server listens, and it says so; otherwise the first ingest
    // request would wait for them with nothing said. (The port is taken so that the command ends once it has tried.)
    [Fact]
    public void StoreWithOldKeyFormat_GetsItsKeysBeforeListening_AndSaysSo()
    {
        string db = Path.Combine(_dir, "k.db");
        Assert.Equal(ExitCodes.Success, CliRunner.Run("ingest", Path.Combine(RepoPaths.Samples, "banjir-01-wire.txt"), "--db", db).Exit);
        using (var connection = new SqliteConnection($"Data Source={db};Pooling=False"))
        {
            connection.Open();
            using SqliteCommand command = connection.CreateCommand();
            command.CommandText = "UPDATE settings SET value = 'k-permutations-128' WHERE name = 'signature_format'";
            command.ExecuteNonQuery();
        }

        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        int port = ((IPEndPoint)taken.LocalEndpoint).Port;
        (_, _, string err) = CliRunner.Run("serve", "--db", db, "--urls", $"http://127.0.0.1:{port}");
        string[] lines = err.TrimEnd('\n').Split('\n');
        Assert.Equal(3, lines.Length);
        Assert.StartsWith($"kabar: {db}: making the near-duplicate keys of the stored articles again", lines[0], StringComparison.Ordinal);
        Assert.StartsWith($"kabar: {db}: made the near-duplicate keys of 1 stored articles again in ", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("kabar: cannot listen on", lines[2], StringComparison.Ordinal);
        Assert.Equal("", CliRunner.Run("ingest", Path.Combine(RepoPaths.Samples, "banjir-01-wire.txt"), "--db", db).Err);
    }
}
