using System.Globalization;
using Kabar.Text;

namespace Kabar.Metadata;

/// <summary>A date written in the text, resolved to a calendar date.</summary>
/// <param name="Span">Where it is written.</param>
/// <param name="Text">As written, e.g. "Rabu (19/06)".</param>
/// <param name="Year">The year; see <paramref name="YearInferred"/>.</param>
/// <param name="Month">1–12.</param>
/// <param name="Day">1–31, or null when only the month is given ("Februari 2022").</param>
/// <param name="Time">The time of day when given ("14:05 WIB").</param>
/// <param name="Offset">The UTC offset of a WIB (+7), WITA (+8), WIT (+9), UTC or GMT time.</param>
/// <param name="YearInferred">True when the text has no year and it was taken from the article's other dates and the weekday.</param>
/// <param name="WeekdayMismatch">True when a weekday is written and does not fall on this date.</param>
public sealed record DateMention(
    TextSpan Span, string Text, int Year, int Month, int? Day, TimeOnly? Time, TimeSpan? Offset, bool YearInferred, bool WeekdayMismatch)
{
    /// <summary>ISO 8601: "2024-06-19", "2024-06-19T14:05+07:00" or "2024-02" for a month.</summary>
    public string Iso
    {
        get
        {
            if (Day is null)
            {
                return string.Create(CultureInfo.InvariantCulture, $"{Year:0000}-{Month:00}");
            }

            string date = string.Create(CultureInfo.InvariantCulture, $"{Year:0000}-{Month:00}-{Day:00}");
            if (Time is not { } time)
            {
                return date;
            }

            string offset = Offset is { } o ? (o < TimeSpan.Zero ? "-" : "+") + o.ToString(@"hh\:mm", CultureInfo.InvariantCulture) : "";
            return date + "T" + time.ToString("HH:mm", CultureInfo.InvariantCulture) + offset;
        }
    }

    /// <summary>The date, when the day is known.</summary>
    public DateOnly? Date => Day is { } d ? new DateOnly(Year, Month, d) : null;
}
