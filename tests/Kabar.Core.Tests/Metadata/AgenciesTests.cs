using System.Globalization;
using System.Text.RegularExpressions;
using Kabar.Metadata;

namespace Kabar.Core.Tests.Metadata;

public partial class AgenciesTests
{
    // The alternatives of Agencies.Names as written there: the case-insensitive group, then the names in capitals.
    private static (List<string> AnyCase, List<string> Capitals) NamesPattern()
    {
        const string open = "(?i:";
        string names = Agencies.Names;
        int close = names.IndexOf(")|", StringComparison.Ordinal);
        Assert.StartsWith(open, names);
        // A name's optional tail ("(?: news)?") and optional space (" ?") are left out: the shortest form is in every longer one.
        string anyCase = OptionalTail().Replace(names[open.Length..close], "").Replace(" ?", "", StringComparison.Ordinal);
        return ([.. anyCase.Split('|')], [.. names[(close + 2)..].Split('|')]);
    }

    [Fact]
    public void NameStarts_HoldWhereThePatternFindsEveryName_InEveryCaseItTakes()
    {
        (List<string> anyCase, List<string> capitals) = NamesPattern();
        Assert.Contains("antara", anyCase);
        Assert.Contains("AP", capitals);
        TextInfo casing = CultureInfo.InvariantCulture.TextInfo;
        IEnumerable<string> written = anyCase
            .SelectMany(n => new[] { n, n.ToUpperInvariant(), casing.ToTitleCase(n) })
            .Concat(capitals);
        foreach (string name in written)
        {
            string text = $"Hujan deras turun sejak pagi, menurut {name}, dan banjir meluas.";
            Match match = Agencies.Name.Match(text);
            Assert.True(match.Success, name);
            Assert.Contains(match.Index, Agencies.NameStarts(text)!);
        }
    }

    [Theory]
    [InlineData("Dana APBN dan APBD untuk KAPAL patroli tetap apa adanya.")]
    [InlineData("Pemerintah menambah anggaran tahun ini.")]
    [InlineData("")]
    public void NameStarts_AreNone_WhereNoNameCanBe(string text)
    {
        Assert.DoesNotMatch(Agencies.Name, text);
        Assert.Empty(Agencies.NameStarts(text)!);
    }

    [Theory]
    [InlineData("AP melaporkan")]
    [InlineData("Dana APBN, kata (AFP).")]
    [InlineData("sumber: CNA")]
    public void NameStarts_AreTheCapitalNames_AtTheStartOfAWord_NotThoseInsideCapitals(string text)
    {
        Assert.Matches(Agencies.Name, text);
        Assert.Equal(Agencies.Name.Matches(text).Select(m => m.Index), Agencies.NameStarts(text)!);
    }

    [Fact]
    public void EveryCharacterThePatternEquatesWithANamesLetter_IsFoundByOrdinalCaseOrLeftToThePattern()
    {
        (List<string> anyCase, _) = NamesPattern();
        foreach (char letter in anyCase.SelectMany(n => n).Where(char.IsAsciiLetterLower).Distinct())
        {
            var same = new Regex($"^(?i:{letter})$", RegexOptions.CultureInvariant);
            for (int c = 0; c <= char.MaxValue; c++)
            {
                string other = ((char)c).ToString();
                if (same.IsMatch(other) && !string.Equals(other, letter.ToString(), StringComparison.OrdinalIgnoreCase))
                {
                    Assert.Contains((char)c, Agencies.RegexOnlyCaseVariants);
                    Assert.Null(Agencies.NameStarts($"menurut Reuter{other}"));
                }
            }
        }
    }

    [GeneratedRegex(@"\(\?:[^)]*\)\?")]
    private static partial Regex OptionalTail();
}
