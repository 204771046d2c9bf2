using Kabar.Text;

namespace Kabar.Core.Tests.Text;

public class TermNormalizerTests
{
    [Theory]
    [InlineData("kendaraannya", Language.Indonesian, false, "kendaraan")]
    [InlineData("Dialah", Language.Indonesian, false, "dialah")]
    [InlineData("bukanlah", Language.Indonesian, false, "bukan")]
    [InlineData("bukumu", Language.Indonesian, false, "bukumu")]
    [InlineData("rumahmu", Language.Indonesian, false, "rumah")]
    [InlineData("Aurus", Language.Indonesian, true, "aurus")]
    [InlineData("Sanya", Language.Indonesian, true, "sanya")]
    [InlineData("agencies", Language.English, false, "agenc")]
    [InlineData("agency", Language.English, false, "agenc")]
    [InlineData("driving", Language.English, false, "drive")]
    [InlineData("drives", Language.English, false, "drive")]
    [InlineData("Jones", Language.English, true, "jones")]
    [InlineData("class", Language.English, false, "class")]
    public void Normalize_Examples(string word, Language language, bool isName, string expected) =>
        Assert.Equal(expected, TermNormalizer.Normalize(word, language, isName));
}
