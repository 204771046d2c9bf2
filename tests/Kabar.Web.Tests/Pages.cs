namespace Kabar.Web.Tests;

/// <summary>Web pages written for these tests, shaped like Indonesian and English news sites.</summary>
internal static class Pages
{
    /// <summary>An Indonesian news page with everything around the article that a real one has.</summary>
    public const string Indonesian = """
        <!DOCTYPE html>
        <html lang="id-ID">
        <head>
          <meta charset="utf-8">
          <title>Sungai Cikaret Meluap, Tujuh Desa Terendam | Warta Sukamaju</title>
          <meta property="og:site_name" content="Warta Sukamaju">
          <meta property="og:title" content="Sungai Cikaret Meluap, Tujuh Desa Terendam">
          <link rel="canonical" href="https://warta-sukamaju.example/berita/2025/03/03/sungai-cikaret-meluap">
          <script type="application/ld+json">
          {"@context":"https://schema.org","@type":"NewsArticle","headline":"Sungai Cikaret Meluap, Tujuh Desa Terendam",
           "datePublished":"2025-03-03T08:15:00+07:00","dateModified":"2025-03-03T10:40:00+07:00",
           "author":[{"@type":"Person","name":"Rina Sasmita"},{"@type":"Person","name":"Oleh Bagus Pratama"}],
           "publisher":{"@type":"Organization","name":"Warta Sukamaju"}}
          </script>
          <script>window.dataLayer = [{"page":"artikel"}];</script>
          <style>.iklan{height:250px}</style>
        </head>
        <body>
          <header class="site-header"><a href="/">Warta Sukamaju</a>
            <nav class="menu"><a href="/nasional">Nasional</a> <a href="/daerah">Daerah</a> <a href="/olahraga">Olahraga</a></nav>
          </header>
          <div class="breadcrumb"><a href="/">Beranda</a> › <a href="/daerah">Daerah</a></div>
          <main>
            <article class="detail">
              <h1>Sungai Cikaret Meluap, Tujuh Desa Terendam</h1>
              <div class="byline">Oleh Rina Sasmita · Senin, 3 Maret 2025 08:15 WIB</div>
              <div class="share-buttons"><a href="#">Facebook</a> <a href="#">Twitter</a> <a href="#">WhatsApp</a></div>
              <div class="detail-text">
                <p>SUKAMAJU - Banjir merendam tujuh desa di Kabupaten Sukamaju setelah Sungai Cikaret meluap pada Senin dini hari, kata petugas badan penanggulangan bencana.</p>
                <p>Ketinggian air di permukiman warga mencapai satu setengah meter, sementara dua ribu warga mengungsi ke balai desa dan masjid di dataran tinggi.</p>
                <p><strong>Baca juga:</strong> <a href="/berita/hujan-deras">Hujan Deras Diprediksi Berlanjut Sepekan</a></p>
                <div class="iklan ads-inarticle"><span>Advertisement</span><div id="div-gpt-ad-1"></div></div>
                <p>Tanggul di Desa Karangsari jebol sekitar pukul dua pagi setelah hujan deras mengguyur sejak Minggu sore, menurut kepala desa setempat.</p>
                <p>Pemerintah kabupaten menyiapkan dapur umum dan meminta warga di bantaran sungai tetap waspada karena hujan diperkirakan berlanjut.</p>
              </div>
              <div class="tags"><a href="/tag/banjir">banjir</a> <a href="/tag/sukamaju">sukamaju</a></div>
            </article>
            <section class="related-news">
              <h3>Berita Terkait</h3>
              <ul>
                <li><a href="/a">Jalan Provinsi Tertutup Longsor di Tiga Titik Sepanjang Pekan Ini</a></li>
                <li><a href="/b">Harga Cabai Naik Menjelang Bulan Puasa di Pasar Induk Kota</a></li>
              </ul>
            </section>
            <div id="comments" class="comments"><p>Semoga warga yang terdampak segera mendapat bantuan yang layak dari pemerintah daerah.</p></div>
          </main>
          <aside class="sidebar"><h3>Terpopuler</h3><ol><li><a href="/c">Artikel terpopuler satu yang banyak dibaca hari ini</a></li></ol></aside>
          <footer class="site-footer"><p>© 2025 Warta Sukamaju. Hak cipta dilindungi undang-undang dan seluruh isi situs ini.</p></footer>
        </body>
        </html>
        """;

    /// <summary>A page whose article is cut into wrappers of a few paragraphs each, inside a whole-page form.</summary>
    public const string Nested = """
        <html><head><title>Port reopens - Daily Harbour</title>
          <meta property="article:published_time" content="2025-03-04T06:00:00Z"></head>
        <body><form id="aspnetForm">
          <div class="page"><div class="story-wrap">
            <section name="articleBody">
              <div class="column"><div><p>Dock workers in Meridia ended a nine-day strike on Tuesday after the port operator agreed to a wage rise.</p>
                <p>Container ships that had waited at anchor began unloading within hours, port officials said.</p></div></div>
              <div class="column"><div><p>The union called the agreement a victory for port workers across the province and thanked members for their patience.</p>
                <p>Shipping lines warned that clearing the backlog of cargo could take two weeks or more.</p></div></div>
              <div class="column"><div><p>Farmers who export through Meridia said the strike had cost them buyers abroad, and asked for compensation.</p>
                <p>The provincial government said it would review the port's labour agreements next year.</p></div></div>
            </section>
          </div></div>
          <div class="newsletter-signup"><p>Sign up for our newsletter and get the day's harbour news in your inbox every morning.</p></div>
        </form></body></html>
        """;
}
