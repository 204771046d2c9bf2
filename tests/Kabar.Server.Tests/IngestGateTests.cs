using System.Text;
using Kabar.Ingest;
using Kabar.Pipeline;
using Kabar.Storage;
using Kabar.Storage.Sqlite;
using Kabar.Testing;
using Microsoft.Data.Sqlite;

namespace Kabar.Server.Tests;

public sealed class IngestGateTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("kabar-gate-").FullName;

    private string DbPath => Path.Combine(_dir, "kabar.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    private static InputItem Article(string name, string title, string body) =>
        InputItem.Article(new ArticleSource(name, Title: title), Encoding.UTF8.GetBytes($"{title}\n\n{body}"));

    private static string Body(string place) =>
        $"Warga {place} membersihkan lumpur setelah banjir surut pada Selasa pagi. Petugas membagikan air bersih dan "
        + $"makanan kepada keluarga yang rumahnya terendam. Sekolah di {place} diliburkan selama tiga hari.";

    // A request whose batch fails is rolled back whole: the corpus statistics must not count its articles, which
    // were never stored (their ids are given again to the next ones).
    [Fact]
    public async Task AFailedRequest_LeavesTheStatisticsAsIfItHadNotBeenMade()
    {
        using (var gate = new IngestGate(DbPath))
        {
            await gate.IngestAsync([Article("a.txt", "Banjir di Cempaka", Body("Cempaka")), Article("b.txt", "Banjir di Melati", Body("Melati"))], CancellationToken.None);
            RawDatabase.Execute(DbPath, "CREATE TRIGGER fail BEFORE INSERT ON articles WHEN NEW.title = 'Gagal' BEGIN SELECT RAISE(ABORT, 'refused'); END");
            await Assert.ThrowsAsync<SqliteException>(() => gate.IngestAsync(
                [Article("c.txt", "Banjir di Kenanga", Body("Kenanga")), Article("d.txt", "Gagal", Body("Dahlia"))], CancellationToken.None));
            RawDatabase.Execute(DbPath, "DROP TRIGGER fail");
            await gate.IngestAsync([Article("e.txt", "Banjir di Anggrek", Body("Anggrek"))], CancellationToken.None);
        }

        // Closing the gate saved the statistics: they count the three stored articles, as the store's own count does.
        using SqliteArticleStore store = SqliteArticleStore.Open(DbPath);
        Assert.Equal(3, store.Export().Count());
        Assert.Equal(3, new Ingester(NewsPipeline.Default, store).Statistics.Articles);
    }
}
