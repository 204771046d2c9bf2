namespace Kabar;

/// <summary>Why an input could not be processed. Bad data becomes a rejection, never an exception.</summary>
/// <param name="Reason">A stable machine-readable code.</param>
/// <param name="Message">One line for a person, naming the offending value and its position.</param>
public sealed record Rejection(RejectionReason Reason, string Message);

/// <summary>Stable reason codes for rejected input.</summary>
public enum RejectionReason
{
    /// <summary>No bytes, or only white space.</summary>
    Empty,
    /// <summary>NUL or many control bytes: not text.</summary>
    Binary,
    /// <summary>Bytes that no supported encoding reads as text.</summary>
    Undecodable,
    /// <summary>Larger than <see cref="Limits.MaxDocumentBytes"/>.</summary>
    TooLarge,
    /// <summary>Text remained but no sentence of story could be found in it.</summary>
    NoContent,
}
