using Kabar.Storage.Sqlite;

namespace Kabar.Storage.Sqlite.Tests;

public sealed class SearchQueryTests
{
    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\" * - ( ) : ^")]
    public void NoWords_IsNoQuery(string text) => Assert.Null(SearchQuery.Parse(text));

    [Fact]
    public void Words_AreLowerCased_WithoutDiacritics_AndAllRequired()
    {
        SearchQuery query = SearchQuery.Parse("Banjir  Café")!;
        Assert.Equal(["banjir", "cafe"], query.Words);
        Assert.Contains("\"banjirnya\"", query.Exact, StringComparison.Ordinal);
        Assert.Contains(") AND (", query.Exact, StringComparison.Ordinal);
    }

    [Fact]
    public void Expanded_HoldsTheFamily_ExactDoesNot()
    {
        SearchQuery query = SearchQuery.Parse("mengungsi")!;
        Assert.Contains("\"pengungsi\"", query.Expanded, StringComparison.Ordinal);
        Assert.Contains("\"pengungsian\"", query.Expanded, StringComparison.Ordinal);
        Assert.DoesNotContain("\"pengungsi\"", query.Exact, StringComparison.Ordinal);
    }

    [Fact]
    public void QuotedWords_AreAPhrase()
    {
        SearchQuery query = SearchQuery.Parse("\"Sungai Cikaret\" banjir")!;
        Assert.StartsWith("\"sungai cikaret\" AND ", query.Exact, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("banjir OR NOT gempa")]
    [InlineData("title:banjir")]
    [InlineData("NEAR(banjir gempa)")]
    [InlineData("banjir* -gempa ^awal")]
    [InlineData("\"unbalanced")]
    public void QuerySyntax_IsReadAsWords(string text)
    {
        SearchQuery query = SearchQuery.Parse(text)!;
        // Only quoted words and the operators the parser writes itself reach FTS5.
        string withoutTerms = System.Text.RegularExpressions.Regex.Replace(query.Expanded, "\"[^\"]*\"", "");
        Assert.Matches("^[() ]*((AND|OR)[() ]*)*$", withoutTerms);
    }
}
