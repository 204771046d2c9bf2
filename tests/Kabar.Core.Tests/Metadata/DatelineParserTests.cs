using Kabar.Metadata;
using Kabar.Text;

namespace Kabar.Core.Tests.Metadata;

public class DatelineParserTests
{
    [Theory]
    [InlineData("TEMPO.CO, Jakarta - Presiden tiba.", "Tempo", "TEMPO.CO", "Jakarta", "TEMPO.CO, Jakarta - ")]
    [InlineData("TRIBUNNEWS.COM - Presiden tiba.", "Tribunnews", "TRIBUNNEWS.COM", null, "TRIBUNNEWS.COM - ")]
    [InlineData("JAKARTA, KOMPAS.com - Hujan turun.", "Kompas", "KOMPAS.com", "Jakarta", "JAKARTA, KOMPAS.com - ")]
    [InlineData("Jakarta, CNN Indonesia -- Hujan turun.", "CNN Indonesia", "CNN Indonesia", "Jakarta", "Jakarta, CNN Indonesia -- ")]
    [InlineData("Lembah Hijau (ANTARA) - Banjir merendam.", "Antara", "ANTARA", "Lembah Hijau", "Lembah Hijau (ANTARA) - ")]
    [InlineData("WASHINGTON, June 20 (Reuters) - The U.S. said.", "Reuters", "Reuters", "Washington", "WASHINGTON, June 20 (Reuters) - ")]
    [InlineData("Liputan6.com, Jakarta - Harga naik.", "Liputan6", "Liputan6.com", "Jakarta", "Liputan6.com, Jakarta - ")]
    public void Parse_KnownDatelines(string line, string outlet, string written, string? place, string span)
    {
        Dateline? d = DatelineParser.Parse(line, new TextSpan(0, line.Length));
        Assert.NotNull(d);
        Assert.Equal(outlet, d.Outlet);
        Assert.Equal(written, d.OutletAsWritten);
        Assert.Equal(place, d.Place);
        Assert.Equal(span, d.Span.Of(line));
    }

    [Theory]
    [InlineData("Presiden Rusia Vladimir Putin tiba di Pyongyang.")]
    [InlineData("Putin - Kim bertemu lagi")]
    [InlineData("Harga 1.000 - 2.000 rupiah.")]
    public void Parse_StorySentence_IsNotADateline(string line) => Assert.Null(DatelineParser.Parse(line, new TextSpan(0, line.Length)));
}
