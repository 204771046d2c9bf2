using Kabar.Text;

namespace Kabar.Core.Tests.Text;

public sealed class FiguresTests
{
    [Theory]
    [InlineData("12,000", Language.English, "12000")]
    [InlineData("12.000", Language.Indonesian, "12000")]
    [InlineData("12.000", Language.Other, "12000")]
    [InlineData("2,400", Language.Other, "2400")]
    [InlineData("1.250.000", Language.Indonesian, "1250000")]
    [InlineData("1,250,000", Language.Other, "1250000")]
    [InlineData("1,5", Language.Indonesian, "1.5")]
    [InlineData("1.5", Language.English, "1.5")]
    [InlineData("7,25", Language.English, "7.25")]     // a comma that cannot group is a decimal mark
    [InlineData("1.250", Language.English, "1.250")]   // in English a dot is a decimal point
    [InlineData("1,250", Language.Indonesian, "1.250")] // in Indonesian a comma is a decimal mark
    [InlineData("1.234,5", Language.Other, "1234.5")]
    [InlineData("1,234.5", Language.Other, "1234.5")]
    [InlineData("1.234,5", Language.English, "1234.5")] // both marks: the first groups, whatever the language
    [InlineData("0.125", Language.Other, "0.125")]     // a leading zero does not group
    [InlineData("02.00", Language.Indonesian, "02.00")] // a time
    [InlineData("1234.567", Language.Other, "1234.567")] // four digits before a mark do not group
    [InlineData("19.06.2024", Language.Other, "19.06.2024")] // a date: two decimal marks left, so as written
    [InlineData("1.2.3", Language.English, "1.2.3")]
    [InlineData("2024", Language.Indonesian, "2024")]
    [InlineData("10km", Language.English, "10km")]
    [InlineData("2024-06-19", Language.Other, "2024-06-19")]
    public void Canonical_ReadsEachLanguagesMarks(string written, Language language, string canonical) =>
        Assert.Equal(canonical, Figures.Canonical(written, language));

    [Fact]
    public void Canonical_ATranslatedFigure_IsTheSourcesFigure()
    {
        foreach ((string english, string indonesian) in new[] { ("12,000", "12.000"), ("1,250,000", "1.250.000"), ("7.2", "7,2"), ("3,456.75", "3.456,75") })
        {
            Assert.Equal(Figures.Canonical(english, Language.English), Figures.Canonical(indonesian, Language.Indonesian));
        }
    }
}
