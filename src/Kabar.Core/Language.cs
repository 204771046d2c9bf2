namespace Kabar;

/// <summary>Languages Kabar tells apart. Anything else is <see cref="Other"/> and is still compared.</summary>
public enum Language
{
    /// <summary>Not enough known words to decide.</summary>
    Other,
    /// <summary>Bahasa Indonesia.</summary>
    Indonesian,
    /// <summary>English.</summary>
    English,
    /// <summary>Bahasa Melayu (Malaysia, Brunei, Singapore).</summary>
    Malay,
}
