using Kabar.Text;

namespace Kabar.Entities;

/// <summary>What a named thing is, as far as the words around it tell.</summary>
public enum EntityKind
{
    /// <summary>Not known.</summary>
    Unknown,
    /// <summary>A person: after a title ("Presiden", "juru bicara") or followed by a speech verb.</summary>
    Person,
    /// <summary>An organisation: contains an organisation word ("Dewan", "Kementerian", "Motors").</summary>
    Organisation,
    /// <summary>A country, region or city from the built-in list, or after "di", "ke", "dari".</summary>
    Place,
    /// <summary>A product or brand: after "mobil", "limusin", "merek".</summary>
    Product,
}

/// <summary>A name written in an article.</summary>
/// <param name="Article">0 for the first article, 1 for the second.</param>
/// <param name="Span">Where it is written.</param>
/// <param name="Text">As written.</param>
/// <param name="Tokens">Its word tokens.</param>
/// <param name="Kind">What the context suggests.</param>
public sealed record Mention(int Article, TextSpan Span, string Text, IReadOnlyList<Token> Tokens, EntityKind Kind);
