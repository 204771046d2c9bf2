namespace Kabar.Testing;

/// <summary>Short reports written for the tests: two on one flood, one on a port strike, one on a football match.</summary>
public static class StoryTexts
{
    public const string FloodA = """
        Banjir Rendam Tujuh Desa di Kabupaten Sukamaju
        Banjir merendam tujuh desa di Kabupaten Sukamaju setelah Sungai Cikaret meluap pada Senin dini hari.
        Ketinggian air di permukiman warga mencapai satu setengah meter menurut badan penanggulangan bencana.
        Sebanyak dua ribu warga mengungsi ke balai desa dan masjid di dataran tinggi.
        Tanggul di Desa Karangsari jebol sekitar pukul dua pagi setelah hujan deras sejak Minggu sore.
        """;

    public const string FloodB = """
        Sungai Cikaret Meluap, Ribuan Warga Sukamaju Mengungsi
        Ribuan warga Kabupaten Sukamaju mengungsi karena banjir setelah Sungai Cikaret meluap.
        Tanggul Desa Karangsari jebol dan air merendam permukiman hingga satu setengah meter.
        Para pengungsi ditampung di balai desa dan masjid sementara tim penyelamat menyisir desa.
        """;

    public const string Strike = """
        Pekerja Pelabuhan Meridia Akhiri Mogok Sembilan Hari
        Ratusan pekerja pelabuhan Meridia mengakhiri pemogokan setelah perusahaan bongkar muat menyetujui kenaikan upah.
        Kapal kontainer yang tertahan di dermaga mulai dilayani kembali pada Selasa pagi.
        Serikat pekerja menyebut kesepakatan itu kemenangan bagi buruh pelabuhan di seluruh provinsi.
        """;

    public const string Match = """
        Persija Tundukkan Persib di Stadion Utama
        Persija Jakarta mengalahkan Persib Bandung dua gol tanpa balas dalam laga lanjutan liga di Stadion Utama.
        Gol pertama dicetak pada menit ke tujuh belas melalui sundulan kapten tim dari sepak pojok.
        Pelatih Persib mengakui timnya kesulitan membongkar pertahanan rapat tuan rumah sepanjang babak kedua.
        """;
}
