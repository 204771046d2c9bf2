namespace Kabar.Metadata;

/// <summary>When an article was most likely published, and why Kabar thinks so.</summary>
/// <param name="Iso">ISO 8601 date or date-time.</param>
/// <param name="Basis">"dateline time" (a date with a time near the top) or "latest date mentioned".</param>
public sealed record PublicationEstimate(string Iso, string Basis);

/// <summary>What Kabar reads about an article from its text.</summary>
/// <param name="Title">The first line when it reads as a headline (short, no final full stop).</param>
/// <param name="Dateline">The story's dateline, which names the outlet.</param>
/// <param name="Dates">Every date mentioned, in text order.</param>
/// <param name="Published">The estimated publication date.</param>
/// <param name="Credits">Every credited source, in text order.</param>
/// <param name="Initials">Staff initials from the closing codes ("oln").</param>
public sealed record ArticleMetadata(
    string? Title,
    Dateline? Dateline,
    IReadOnlyList<DateMention> Dates,
    PublicationEstimate? Published,
    IReadOnlyList<Credit> Credits,
    IReadOnlyList<string> Initials)
{
    /// <summary>The credited sources, each once, in order of first credit.</summary>
    public IReadOnlyList<string> CreditedSources => [.. Credits.Select(c => c.Source).Distinct(StringComparer.Ordinal)];

    /// <summary>Estimates the publication date: a date with a time in the first lines wins; otherwise the latest full date.</summary>
    public static PublicationEstimate? EstimatePublished(IReadOnlyList<DateMention> dates, int headerEnd)
    {
        ArgumentNullException.ThrowIfNull(dates);
        DateMention? stamped = dates.FirstOrDefault(d => d.Time is not null && d.Span.Start < headerEnd);
        if (stamped is not null)
        {
            return new PublicationEstimate(stamped.Iso, "dateline time");
        }

        DateMention? latest = dates.Where(d => d.Day is not null).MaxBy(d => d.Date);
        return latest is null ? null : new PublicationEstimate(latest.Date!.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), "latest date mentioned");
    }
}
