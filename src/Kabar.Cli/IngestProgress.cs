using System.Globalization;

namespace Kabar.Cli;

/// <summary>
/// Ingest progress on standard error: on a terminal a bar redrawn in place with articles/s and an ETA (from bytes
/// read against the inputs' size); otherwise a plain line every few seconds, which logs keep readably.
/// </summary>
internal sealed class IngestProgress(TextWriter error, long totalBytes, bool terminal)
{
    private static readonly TimeSpan s_lineEvery = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan s_barEvery = TimeSpan.FromMilliseconds(200);
    private const int BarWidth = 30;

    private long _bytes;
    private TimeSpan _last;
    private bool _drawn;

    public void Advance(int bytes, int stored, TimeSpan elapsed)
    {
        _bytes += bytes;
        if (elapsed - _last < (terminal ? s_barEvery : s_lineEvery))
        {
            return;
        }

        _last = elapsed;
        double rate = stored / Math.Max(elapsed.TotalSeconds, 1e-3);
        if (!terminal)
        {
            error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"kabar: progress: {stored} articles stored, {rate:0} articles/s"));
            return;
        }

        double done = totalBytes > 0 ? Math.Min(1, (double)_bytes / totalBytes) : 0;
        string eta = done > 0.01 ? TimeSpan.FromSeconds(elapsed.TotalSeconds * (1 - done) / done).ToString(@"h\:mm\:ss", CultureInfo.InvariantCulture) : "?";
        int filled = (int)(done * BarWidth);
        error.Write(string.Create(CultureInfo.InvariantCulture,
            $"\r[{new string('#', filled)}{new string('.', BarWidth - filled)}] {done,4:0%} {stored} articles {rate:0}/s ETA {eta}  "));
        _drawn = true;
    }

    /// <summary>Clears the bar so a message can take the line.</summary>
    public void Clear()
    {
        if (_drawn)
        {
            error.Write("\r" + new string(' ', BarWidth + 60) + "\r");
            _drawn = false;
        }
    }
}
