using Kabar.Text;

namespace Kabar.Core.Tests.Text;

public class TextNormalizerTests
{
    [Theory]
    [InlineData("TRIBUNNEWS.COM \u2013 Presiden", "TRIBUNNEWS.COM - Presiden")]
    [InlineData("\u201Cpersatuan\u201D dan \u2018aliansi\u2019", "\"persatuan\" dan 'aliansi'")]
    [InlineData("19\u00A0Juni\u202F2024", "19 Juni 2024")]
    [InlineData("Ku\u200Bala Lum\u00ADpur\uFEFF", "Kuala Lumpur")]
    [InlineData("baris satu\r\nbaris dua\rbaris tiga", "baris satu\nbaris dua\nbaris tiga")]
    [InlineData("Cafe\u0301", "Café")]
    [InlineData("tanpa perubahan", "tanpa perubahan")]
    public void Normalize_Examples(string input, string expected) => Assert.Equal(expected, TextNormalizer.Normalize(input));

    [Fact]
    public void Normalize_IsIdempotent()
    {
        string once = TextNormalizer.Normalize("\u201CA\u201D \u2014 b\r\n\u00A0c\u200B");
        Assert.Equal(once, TextNormalizer.Normalize(once));
    }
}
