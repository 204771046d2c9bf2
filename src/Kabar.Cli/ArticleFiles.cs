using Kabar.Ingest;
using Kabar.Pipeline;

namespace Kabar.Cli;

/// <summary>Reads article files for the CLI: every failure becomes one line naming the file and the reason.</summary>
internal static class ArticleFiles
{
    public static (Article? Article, string? Error) Read(string path, NewsPipeline pipeline)
    {
        if (Directory.Exists(path))
        {
            return (null, $"{path}: is a directory, not an article file");
        }

        if (!File.Exists(path))
        {
            return (null, $"{path}: no such file");
        }

        (byte[]? bytes, string? problem) = RawFile.Read(path);
        if (bytes is null)
        {
            return (null, problem);
        }

        Result<Article> result = pipeline.Process(path, bytes);
        return result.IsSuccess ? (result.Value, null) : (null, $"{path}: {result.Rejection.Message}");
    }
}
