using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace Kabar.Web.Html;

/// <summary>
/// Finds the article in a page and writes it as text, one block (paragraph, heading, list item, quote) a line.
/// First the page loses what is never article: scripts, navigation, forms, and elements whose class, id or role
/// names page furniture (share, related, comments, ads, "baca-juga") unless they also name content. Then every
/// paragraph votes for its parent and, at half weight, its grandparent, by its length and commas; the container with
/// the best vote, discounted by the share of its text inside links, is the article, widened to an ancestor when the
/// article is cut into several well-scored blocks, together with siblings that scored well on their own. Inside it,
/// the headline, link boxes ("Baca juga: …"), advertising labels, link lists and the pager are dropped.
/// </summary>
internal static partial class MainContent
{
    private static readonly HashSet<string> s_neverContent = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "noscript", "template", "svg", "canvas", "iframe", "object", "embed", "button", "input",
        "select", "textarea", "nav", "footer", "aside", "dialog", "menu", "link", "meta", "figcaption",
    };

    private static readonly HashSet<string> s_blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "blockquote", "pre",
        "table", "tr", "td", "th", "dl", "dt", "dd", "figure", "figcaption", "header", "hr", "br", "address", "center",
    };

    public static string Extract(IDocument document)
    {
        IElement? body = document.Body;
        if (body is null)
        {
            return "";
        }

        RemoveFurniture(body);
        IElement? top = BestContainer(body);
        var lines = new List<string>();
        foreach (IElement part in top is null ? [body] : WithSiblings(top))
        {
            WriteBlocks(part, lines);
        }

        return string.Join('\n', lines.Where(IsStory));
    }

    private static void RemoveFurniture(IElement body)
    {
        int pageText = ParagraphChars(body);
        foreach (IElement element in body.QuerySelectorAll("*").ToList())
        {
            if (element.Parent is null || element.LocalName is "body" or "html")
            {
                continue;
            }

            string signature = $"{element.ClassName} {element.Id} {element.GetAttribute("role")} {element.GetAttribute("itemprop")}";
            bool never = s_neverContent.Contains(element.LocalName)
                || element.HasAttribute("hidden") || element.GetAttribute("aria-hidden") == "true"
                || (element.GetAttribute("style") ?? "").Replace(" ", "", StringComparison.Ordinal).Contains("display:none", StringComparison.OrdinalIgnoreCase);

            // Names are only a hint: a wrapper called "advertisement-pusher" or a whole page inside a <form> can hold the
            // article, so an element named like furniture that holds most of the page's paragraphs stays.
            bool named = (element.LocalName == "form" || (Furniture().IsMatch(signature) && !LooksLikeContent().IsMatch(signature)))
                && element.LocalName is not "article" and not "main";
            if (never || (named && ParagraphChars(element) * 2 < pageText))
            {
                element.Remove();
            }
        }
    }

    private static int ParagraphChars(IElement element) => element.QuerySelectorAll("p").Sum(p => p.TextContent.Length);

    private static IElement? BestContainer(IElement body)
    {
        var scores = new Dictionary<IElement, double>();
        foreach (IElement paragraph in body.QuerySelectorAll("p, pre, td, blockquote, div, section, li"))
        {
            if (paragraph.LocalName is "div" or "section" or "li" && HasBlockChild(paragraph))
            {
                continue;
            }

            string text = Normalize(paragraph.TextContent);
            if (text.Length < 25)
            {
                continue;
            }

            double vote = Vote(text);
            IElement? parent = paragraph.ParentElement, grandparent = parent?.ParentElement;
            if (parent is not null)
            {
                scores[parent] = scores.GetValueOrDefault(parent, Prior(parent)) + vote;
            }

            if (grandparent is not null)
            {
                scores[grandparent] = scores.GetValueOrDefault(grandparent, Prior(grandparent)) + vote / 2;
            }
        }

        List<(IElement Element, double Score)> ranked = [.. scores
            .Select(s => (Element: s.Key, Score: s.Value * (1 - LinkDensity(s.Key))))
            .Where(s => s.Score > 0)
            .OrderByDescending(s => s.Score)];
        if (ranked.Count == 0)
        {
            return null;
        }

        // An article cut into several sibling blocks (between ads, or one wrapper per few paragraphs) scores as several
        // near-equal candidates: when three of the best share an ancestor, the ancestor is the article.
        IElement best = ranked[0].Element;
        List<IElement> rivals = [.. ranked.Skip(1).Take(4).Where(r => r.Score >= ranked[0].Score * 0.75).Select(r => r.Element)];
        if (rivals.Count >= 2)
        {
            for (IElement? ancestor = best.ParentElement; ancestor is not null && ancestor.LocalName != "body"; ancestor = ancestor.ParentElement)
            {
                if (rivals.Count(r => ancestor.Contains(r)) >= 2)
                {
                    return ancestor;
                }
            }
        }

        // A paragraph's votes reach two levels up; an article nested deeper (one wrapper per few paragraphs) is found by
        // climbing to the highest mostly unlinked ancestor that holds another well-scored block and clearly more
        // paragraph text (teasers and sidebars score low one by one, so they do not pull the article into a sidebar).
        double bestScore = ranked[0].Score;
        for (IElement? ancestor = best.ParentElement; ancestor is not null && ancestor.LocalName != "body" && LinkDensity(ancestor) <= 0.25; ancestor = ancestor.ParentElement)
        {
            IElement current = best;
            bool holdsMoreArticle = ranked.Any(r => r.Score >= bestScore * 0.3 && ancestor.Contains(r.Element) && !current.Contains(r.Element) && !r.Element.Contains(current));
            if (holdsMoreArticle && ParagraphChars(ancestor) >= ParagraphChars(best) * 1.25)
            {
                best = ancestor;
            }
        }

        return best;
    }

    // Content is often split into sibling containers (between ads or images): take siblings that scored on their own.
    private static IEnumerable<IElement> WithSiblings(IElement top)
    {
        if (top.ParentElement is not { } parent)
        {
            return [top];
        }

        double threshold = Math.Max(10, ParagraphScore(top) * 0.2);
        return parent.Children.Where(sibling => sibling == top
            || (ParagraphScore(sibling) >= threshold && LinkDensity(sibling) < 0.25)
            || (sibling.LocalName == "p" && Normalize(sibling.TextContent) is { Length: > 80 } && LinkDensity(sibling) < 0.25));
    }

    private static double ParagraphScore(IElement element) =>
        element.QuerySelectorAll("p").Select(p => Normalize(p.TextContent)).Where(t => t.Length >= 25).Sum(Vote);

    // A paragraph's weight: one, one per comma (a sign of prose), and one per 100 characters up to three.
    private static double Vote(string text) => 1 + text.Count(c => c is ',' or '，' or '、') + Math.Min(text.Length / 100.0, 3);

    private static double Prior(IElement element)
    {
        double prior = element.LocalName switch
        {
            "article" or "main" => 10,
            "div" or "section" => 5,
            "pre" or "td" or "blockquote" => 3,
            "ul" or "ol" or "dl" or "form" => -3,
            "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "th" => -5,
            _ => 0,
        };
        string signature = $"{element.ClassName} {element.Id} {element.GetAttribute("itemprop")}";
        if (LooksLikeContent().IsMatch(signature))
        {
            prior += 25;
        }

        if (Furniture().IsMatch(signature))
        {
            prior -= 25;
        }

        return prior;
    }

    private static double LinkDensity(IElement element)
    {
        int total = Normalize(element.TextContent).Length;
        if (total == 0)
        {
            return 0;
        }

        int linked = element.QuerySelectorAll("a").Sum(a => Normalize(a.TextContent).Length);
        return Math.Min(1, (double)linked / total);
    }

    // A paragraph that opens with a linked sentence is still a paragraph; a short block of mostly links is not.
    private static bool IsLinkBox(IElement block)
    {
        double density = LinkDensity(block);
        int length = Normalize(block.TextContent).Length;
        return block.LocalName is "p" or "li" ? density > 0.8 || (density > 0.5 && length < 100) : density > 0.5 && length < 400;
    }

    // A <br> or <hr> breaks lines inside a paragraph; it does not make its parent a container of paragraphs.
    private static bool HasBlockChild(IElement element) => element.Children.Any(c => s_blocks.Contains(c.LocalName) && c.LocalName is not "br" and not "hr");

    /// <summary>Writes the text of <paramref name="element"/>, a line per block, skipping link lists.</summary>
    private static void WriteBlocks(IElement element, List<string> lines)
    {
        var current = new StringBuilder();
        void Flush()
        {
            string line = Normalize(current.ToString());
            if (line.Length > 0)
            {
                lines.Add(line);
            }

            current.Clear();
        }

        void Walk(INode node)
        {
            if (node is IText text)
            {
                current.Append(text.Data);
                return;
            }

            if (node is not IElement e)
            {
                return;
            }

            bool block = s_blocks.Contains(e.LocalName);
            if (block)
            {
                Flush();

                // The headline is metadata, not body; a block that is mostly links is navigation, a "related" box or
                // a "Baca juga" line.
                if (e.LocalName == "h1" || (e.LocalName is not "br" and not "hr" && IsLinkBox(e)))
                {
                    return;
                }
            }

            foreach (INode child in e.ChildNodes)
            {
                Walk(child);
            }

            if (block)
            {
                Flush();
            }
        }

        Walk(element);
        Flush();
    }

    // Lines that are page furniture even inside the article: link boxes, ad labels, prompts.
    private static bool IsStory(string line) => !FurnitureLine().IsMatch(line) && !(line.Length < 60 && (ShortFurniture().IsMatch(line) || Pagination().IsMatch(line)));

    /// <summary>The text with every run of white space one space, trimmed.</summary>
    internal static string Normalize(string text) => Whitespace().Replace(text, " ").Trim();

    [GeneratedRegex(@"(^|[\s_\-])(share|sharing|social|comment|comments|related|recommend\w*|newsletter|subscri\w*|promo|advert\w*|ads?|adslot|ad-\w+|banner|sidebar|breadcrumbs?|tags?|tagline|popup|modal|cookie\w*|footer|nav|navbar|navigation|menu|masthead|widget|outbrain|taboola|baca-?juga|bacajuga|read-?more|more-stories|most-?popular|trending|skip|sponsor\w*|paywall|byline|author-bio|caption)([\s_\-]|$)", RegexOptions.IgnoreCase)]
    private static partial Regex Furniture();

    [GeneratedRegex(@"(^|[\s_\-])(article|articlebody|article-?body|article-?content|story|story-?body|post-?content|entry-?content|main-?content|content|body-?text|text|detail|isi|konten)([\s_\-]|$)", RegexOptions.IgnoreCase)]
    private static partial Regex LooksLikeContent();

    [GeneratedRegex(@"^(baca juga|simak juga|lihat juga|baca selengkapnya|advertisement|iklan|scroll to continue|scroll untuk melanjutkan|read more|related:|see also|citation:|this (document|article|material) is subject to copyright)", RegexOptions.IgnoreCase)]
    private static partial Regex FurnitureLine();

    [GeneratedRegex(@"^(you may also like|related( articles| stories| coverage)?|more (from|on|videos|stories)|must watch|just watched|replay|advertisement|subscribe|sign in|sign up|log in|follow us|share( this)?|click here|continue reading|story continues below|to read the full story|berita terkait|artikel terkait|terpopuler|bagikan|ikuti kami|tonton juga)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ShortFurniture();

    // "Halaman 1 2 3 Selanjutnya", "1 2 3 Next »", "Halaman 2 dari 3", "Page 2 of 3": the pager of a multi-page article.
    [GeneratedRegex(@"^(halaman|page)\s*:?\s*(\d+\s*)+((selanjutnya|berikutnya|next|»|›)\s*)*$|^(\d+\s+)+(selanjutnya|berikutnya|next)\s*[»›]?$|^(halaman|page) \d+ (dari|of) \d+$|^(halaman selanjutnya|halaman berikutnya|next page)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Pagination();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
