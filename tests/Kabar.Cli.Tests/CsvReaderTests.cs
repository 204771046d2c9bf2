using Kabar.Ingest;

namespace Kabar.Cli.Tests;

public class CsvReaderTests
{
    private static List<(int Line, string[] Fields)> Read(string csv) => [.. CsvReader.Read(new StringReader(csv))];

    [Fact]
    public void Read_QuotedFieldsKeepCommasQuotesAndLineBreaks()
    {
        List<(int Line, string[] Fields)> rows = Read("id,text\r\n1,\"a, \"\"b\"\"\nc\"\n2,plain\n");
        Assert.Equal(3, rows.Count);
        Assert.Equal(["id", "text"], rows[0].Fields);
        Assert.Equal(["1", "a, \"b\"\nc"], rows[1].Fields);
        Assert.Equal(4, rows[2].Line);
        Assert.Equal(["2", "plain"], rows[2].Fields);
    }

    [Fact]
    public void Read_LastRecordWithoutNewlineAndEmptyFields()
    {
        Assert.Equal(["", "x", ""], Read("h\n,x,")[1].Fields);
    }

    [Fact]
    public void Read_UnclosedQuoteNamesTheLineItOpened()
    {
        var e = Assert.Throws<FormatException>(() => Read("a,b\n1,\"never\nclosed\n"));
        Assert.StartsWith("line 2:", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_TextAfterAClosingQuoteIsAnError()
    {
        Assert.Throws<FormatException>(() => Read("\"a\"b,c\n"));
    }
}
