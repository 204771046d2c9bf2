using Kabar.Text;

namespace Kabar.Core.Tests.Text;

public class LanguageIdentifierTests
{
    private static Language Identify(string text) => LanguageIdentifier.Identify(SentenceTokens.Of(text)).Language;

    [Fact]
    public void Identify_Indonesian() =>
        Assert.Equal(Language.Indonesian, Identify("Pemerintah kabupaten menetapkan status tanggap darurat karena banjir yang merendam ribuan rumah setelah hujan deras turun sejak Minggu sore."));

    [Fact]
    public void Identify_English() =>
        Assert.Equal(Language.English, Identify("The port resumed full operations on Tuesday after dock workers ended a strike that had stranded more than twelve thousand containers."));

    [Fact]
    public void Identify_Malay() =>
        Assert.Equal(Language.Malay, Identify("Kerajaan negeri berkata bahawa wang bantuan akan disalurkan kepada mangsa banjir kerana ramai penduduk terjejas, iaitu di tiga daerah selepas hujan lebat."));

    [Fact]
    public void Identify_Other() =>
        Assert.Equal(Language.Other, Identify("Der Hafen nahm am Dienstag den vollen Betrieb wieder auf, nachdem die Hafenarbeiter einen Streik beendet hatten."));

    [Fact]
    public void Identify_NoWords_IsOther() => Assert.Equal(Language.Other, Identify("123 456 !!!"));
}
