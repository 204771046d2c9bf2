using System.Text;

namespace Kabar.Ingest;

/// <summary>
/// Reads RFC 4180 CSV: fields separated by commas, quoted fields may hold commas, line breaks and doubled quotes;
/// records end at LF or CRLF. A quote left open at the end of the input is an error naming the line it opened on.
/// </summary>
public static class CsvReader
{
    /// <summary>The records of <paramref name="reader"/>, each with the line it starts on (1-based).</summary>
    /// <exception cref="FormatException">A quoted field is not closed, or text follows a closing quote.</exception>
    public static IEnumerable<(int Line, string[] Fields)> Read(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var fields = new List<string>();
        var field = new StringBuilder();
        int line = 1, recordLine = 1;
        bool quoted = false, wasQuoted = false, any = false;
        int c;
        while ((c = reader.Read()) >= 0)
        {
            any = true;
            if (quoted)
            {
                if (c == '"')
                {
                    if (reader.Peek() == '"')
                    {
                        field.Append('"');
                        reader.Read();
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    line += c == '\n' ? 1 : 0;
                    field.Append((char)c);
                }

                continue;
            }

            switch (c)
            {
                case '"' when field.Length == 0 && !wasQuoted:
                    quoted = wasQuoted = true;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    wasQuoted = false;
                    break;
                case '\r' when reader.Peek() == '\n':
                    break;
                case '\n':
                    fields.Add(field.ToString());
                    yield return (recordLine, [.. fields]);
                    fields.Clear();
                    field.Clear();
                    wasQuoted = false;
                    any = false;
                    recordLine = ++line;
                    break;
                default:
                    if (wasQuoted)
                    {
                        throw new FormatException($"line {line}: text after a closing quote");
                    }

                    field.Append((char)c);
                    break;
            }
        }

        if (quoted)
        {
            throw new FormatException($"line {recordLine}: a quoted field is not closed before the end of the file");
        }

        if (any)
        {
            fields.Add(field.ToString());
            yield return (recordLine, [.. fields]);
        }
    }
}
