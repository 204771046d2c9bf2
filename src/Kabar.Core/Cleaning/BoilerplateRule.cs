using System.Text.RegularExpressions;

namespace Kabar.Cleaning;

/// <summary>A line-level boilerplate pattern. Lines longer than <paramref name="MaxLength"/> never match, so a story
/// paragraph that happens to start with the same words is kept.</summary>
public sealed record BoilerplateRule(string Name, RemovalReason Reason, Regex Pattern, int MaxLength = 300);
