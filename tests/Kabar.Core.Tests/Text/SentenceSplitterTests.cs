using Kabar.Text;

namespace Kabar.Core.Tests.Text;

public class SentenceSplitterTests
{
    private static string[] Split(string text) => [.. SentenceSplitter.Split(text).Select(s => s.Of(text))];

    public static TheoryData<string, string[]> ValidData => new()
    {
        { "Harga naik. Warga protes.", ["Harga naik.", "Warga protes."] },
        { "Kantornya di Jl. Sudirman No. 5 Jakarta. Ia datang pagi.", ["Kantornya di Jl. Sudirman No. 5 Jakarta.", "Ia datang pagi."] },
        { "Dr. Sari dan Prof. Budi hadir. Acara dimulai.", ["Dr. Sari dan Prof. Budi hadir.", "Acara dimulai."] },
        { "Pabrik di St. Petersburg dibuka. Produksi naik.", ["Pabrik di St. Petersburg dibuka.", "Produksi naik."] },
        { "Jaraknya 1.000 kilometer dan waktunya 1,5 jam. Lalu pulang.", ["Jaraknya 1.000 kilometer dan waktunya 1,5 jam.", "Lalu pulang."] },
        { "Harganya Rp. 5.000 per kilo. Naik lagi.", ["Harganya Rp. 5.000 per kilo.", "Naik lagi."] },
        { "\"Kami siap.\" Dia lalu pergi.", ["\"Kami siap.\"", "Dia lalu pergi."] },
        { "\"Siap?\" tanya dia. Semua diam.", ["\"Siap?\" tanya dia.", "Semua diam."] },
        { "Rapat digelar Rabu (19/06/2024). Hasilnya diumumkan.", ["Rapat digelar Rabu (19/06/2024).", "Hasilnya diumumkan."] },
        { "TEMPO.CO, Jakarta - Presiden tiba. Ia disambut.", ["TEMPO.CO, Jakarta - Presiden tiba.", "Ia disambut."] },
        { "duduk di kursi penumpang.Presiden Rusia tersenyum.", ["duduk di kursi penumpang.", "Presiden Rusia tersenyum."] },
        { "Baca di detik.com hari ini.", ["Baca di detik.com hari ini."] },
        { "Mohammad S. Hidayat berbicara. Semua mendengar.", ["Mohammad S. Hidayat berbicara.", "Semua mendengar."] },
        { "Judul tanpa titik\nParagraf pertama. Kedua!", ["Judul tanpa titik", "Paragraf pertama.", "Kedua!"] },
        { "Tunggu... Lalu dia pergi.", ["Tunggu...", "Lalu dia pergi."] },
        { "  \n\n  ", [] },
    };

    [Theory]
    [MemberData(nameof(ValidData))]
    public void Split_Examples(string text, string[] expected) => Assert.Equal(expected, Split(text));

    [Fact]
    public void Split_SpansAreOrderedTrimmedAndInsideTheText()
    {
        var random = new Random(7);
        string alphabet = "ab C.!? \n\"1,";
        for (int n = 0; n < 300; n++)
        {
            string text = new([.. Enumerable.Range(0, random.Next(0, 80)).Select(_ => alphabet[random.Next(alphabet.Length)])]);
            int previousEnd = 0;
            foreach (TextSpan s in SentenceSplitter.Split(text))
            {
                Assert.True(s.Start >= previousEnd && s.End <= text.Length && s.Length > 0);
                Assert.False(char.IsWhiteSpace(text[s.Start]) || char.IsWhiteSpace(text[s.End - 1]));
                previousEnd = s.End;
            }
        }
    }
}
