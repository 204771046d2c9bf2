namespace Kabar.Metadata;

/// <summary>When an article was most likely published, and why Kabar thinks so.</summary>
/// <param name="Iso">ISO 8601 date or date-time.</param>
/// <param name="Basis">"dateline time", "latest date in the lead" or "first date mentioned".</param>
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

    /// <summary>
    /// Estimates the publication date: a date with a time near the top wins ("Rabu, 19 Jun 2024 14:05 WIB");
    /// otherwise the latest date in the lead, which news writes relative to the day of publication; otherwise
    /// the first full date. Later dates in the body are often forecasts or deadlines, so they are not used.
    /// </summary>
    /// <param name="dates">Every date in the article, in text order.</param>
    /// <param name="headerEnd">End of the region where a stamped date is the publication time.</param>
    /// <param name="leadEnd">End of the lead (the first story sentences).</param>
    public static PublicationEstimate? EstimatePublished(IReadOnlyList<DateMention> dates, int headerEnd, int leadEnd)
    {
        ArgumentNullException.ThrowIfNull(dates);
        DateMention? stamped = dates.FirstOrDefault(d => d.Time is not null && d.Span.Start < headerEnd);
        if (stamped is not null)
        {
            return new PublicationEstimate(stamped.Iso, "dateline time");
        }

        DateMention? lead = dates.Where(d => d.Day is not null && d.Span.Start < leadEnd).MaxBy(d => d.Date);
        if (lead is not null)
        {
            return new PublicationEstimate(Day(lead), "latest date in the lead");
        }

        DateMention? first = dates.FirstOrDefault(d => d.Day is not null);
        return first is null ? null : new PublicationEstimate(Day(first), "first date mentioned");
    }

    private static string Day(DateMention d) => d.Date!.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
