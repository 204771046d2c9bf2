namespace Kabar.Text;

/// <summary>Text decoded from raw bytes, with the encoding that was used.</summary>
/// <param name="Text">The decoded text, before normalisation.</param>
/// <param name="Encoding">The encoding name, e.g. <c>utf-8</c> or <c>windows-1252</c>.</param>
/// <param name="Warning">Set when the bytes were not what they should be (not UTF-8) but could still be read.</param>
public sealed record DecodedText(string Text, string Encoding, string? Warning);
