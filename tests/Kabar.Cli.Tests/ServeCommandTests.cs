using System.Net;
using System.Net.Sockets;

namespace Kabar.Cli.Tests;

public sealed class ServeCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("kabar-serve-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
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
}
