using System.Text;
using System.Text.RegularExpressions;
using Kabar.Metadata;

namespace Kabar.Core.Tests.Metadata;

public class DateExtractorTests
{
    [Theory]
    [InlineData("pada Rabu, 19 Juni 2024 di Pyongyang", "Rabu, 19 Juni 2024", "2024-06-19")]
    [InlineData("Diberitakan Reuters, Jumat (21 Juni 2024), kedua", "Jumat (21 Juni 2024)", "2024-06-21")]
    [InlineData("pada Kamis (20/6/2024) atas", "Kamis (20/6/2024)", "2024-06-20")]
    [InlineData("dirilis 20 June 2024 oleh", "20 June 2024", "2024-06-20")]
    [InlineData("on June 20, 2024, the", "June 20, 2024", "2024-06-20")]
    [InlineData("diperbarui 2024-06-20 pukul", "2024-06-20", "2024-06-20")]
    [InlineData("pada Februari 2022.", "Februari 2022", "2022-02")]
    [InlineData("Rabu, 19 Jun 2024 14:05 WIB", "Rabu, 19 Jun 2024 14:05 WIB", "2024-06-19T14:05+07:00")]
    [InlineData("Senin, 3 Maret 2025 09.30 WITA", "Senin, 3 Maret 2025 09.30 WITA", "2025-03-03T09:30+08:00")]
    [InlineData("3 Maret 2025, 09:30 WIT", "3 Maret 2025, 09:30 WIT", "2025-03-03T09:30+09:00")]
    public void Extract_Formats(string text, string written, string iso)
    {
        DateMention d = Assert.Single(DateExtractor.Extract(text));
        Assert.Equal(written, d.Text);
        Assert.Equal(written, d.Span.Of(text));
        Assert.Equal(iso, d.Iso);
        Assert.False(d.YearInferred);
        Assert.False(d.WeekdayMismatch);
    }

    [Fact]
    public void Extract_DayMonthWithoutYear_TakesYearWhoseWeekdayMatches()
    {
        // 19 June is a Wednesday (Rabu) in 2024, not in 2025.
        List<DateMention> dates = DateExtractor.Extract("pada Rabu (19/06) saat mereka ... Senin, 6 Januari 2025 ... 2025");
        DateMention inferred = dates.First();
        Assert.Equal("2024-06-19", inferred.Iso);
        Assert.True(inferred.YearInferred);
    }

    [Fact]
    public void Extract_DayMonthWithoutYearAndNoContext_IsDropped() => Assert.Empty(DateExtractor.Extract("pada Rabu (19/06) saat"));

    [Fact]
    public void Extract_WrongWeekday_IsFlagged() => Assert.True(Assert.Single(DateExtractor.Extract("Kamis, 19 Juni 2024")).WeekdayMismatch);

    [Theory]
    [InlineData("sebanyak 1/2 warga")]
    [InlineData("pukul 14.05 WIB")]
    [InlineData("tanggal 31/02/2024 tidak ada")]
    [InlineData("Mei lalu")]
    public void Extract_NotADate(string text) => Assert.Empty(DateExtractor.Extract(text));

    [Fact]
    public void DayMonthYearMatches_AreThePatternsOwnMatches_OnTextsMadeToTrickTheWalkBack()
    {
        // Date-shaped pieces whose every part may be wrong: weekdays glued to digits or to other words, parentheses and
        // commas in every order, days of three digits, years of five, dates back to back, with times and noise between.
        string[][] parts =
        [
            ["", "", "Rabu", "rabu", "JUMAT", "Jum'at", "Wednesday", "Minggu", "hari", "x", "9"],
            ["", " ", ", ", ",", " (", ",(", " ( ", "(", "\n", "x"],
            ["19", "1", "07", "119", "x"],
            [" ", "  ", "\n", ""],
            ["Juni", "juni", "JUNI", "Sept", "Sep.", "Des", "Mei", "Junix"],
            [" ", "  ", ". ", ""],
            ["2024", "1999", "20245", "202"],
            ["", "", ")", " 14:05 WIB", ", pukul 9.30", " 14:05"],
        ];
        string[] noise = ["", " ", "kata ", "Rabu ", "pada 5 ", "(", ", ", "\n", "19 "];
        var random = new Random(2024);
        int dates = 0, withWeekday = 0;
        for (int i = 0; i < 20_000; i++)
        {
            var text = new StringBuilder();
            int count = random.Next(1, 4);
            for (int k = 0; k < count; k++)
            {
                text.Append(noise[random.Next(noise.Length)]);
                foreach (string[] part in parts)
                {
                    text.Append(part[random.Next(part.Length)]);
                }
            }

            string t = text.ToString();
            List<Match> expected = DateExtractor.DayMonthYear().Matches(t).ToList();
            Assert.Equal(expected.Select(m => (m.Index, m.Value)), DateExtractor.DayMonthYearMatches(t).Select(m => (m.Index, m.Value)));
            dates += expected.Count;
            withWeekday += expected.Count(m => m.Groups["wd"].Success);
        }

        // The texts must hold dates, with and without a weekday, for the comparison to say anything.
        Assert.True(dates > 1000, $"{dates} dates");
        Assert.True(withWeekday > 100, $"{withWeekday} with a weekday");
    }
}
