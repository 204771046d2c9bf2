namespace Kabar.Cli;

/// <summary>Documented exit codes (README, "Exit codes").</summary>
internal static class ExitCodes
{
    public const int Success = 0;
    /// <summary>The comparison ran but the articles share nothing.</summary>
    public const int NoOverlap = 1;
    /// <summary>Wrong arguments.</summary>
    public const int Usage = 2;
    /// <summary>An input file is missing, unreadable, empty, binary, undecodable or too large.</summary>
    public const int BadInput = 3;
    /// <summary>An output file could not be written.</summary>
    public const int OutputFailed = 4;
    /// <summary>A bug in Kabar.</summary>
    public const int InternalError = 70;
    /// <summary>Stopped by Ctrl+C (or SIGTERM) before it could start its work (128 + SIGINT).</summary>
    public const int Interrupted = 130;
}
