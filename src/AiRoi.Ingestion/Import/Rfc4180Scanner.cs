namespace AiRoi.Ingestion.Import;

/// <summary>What one character of CSV text does to the record being read.</summary>
internal enum CsvStep
{
    /// <summary>The character belongs to a field (quotes included).</summary>
    Content,

    /// <summary>A delimiter: the field ends and another begins.</summary>
    FieldEnd,

    /// <summary>A line break outside quotes: the record ends.</summary>
    RecordEnd,
}

/// <summary>
/// The RFC 4180 grammar as CsvHelper reads it, one character at a time: a quote opens a quoted field only at the
/// start of a field, <c>""</c> inside one is a quote, and text after a closing quote continues the field unquoted.
/// It lets the input guard find row boundaries without buffering, and the reader split a raw row into its raw
/// fields to name the column of a badly quoted one.
/// </summary>
internal struct Rfc4180Scanner
{
    private State state;

    private enum State
    {
        FieldStart,
        Unquoted,
        Quoted,
        QuoteInQuoted,
    }

    /// <summary>True inside a quoted field: a line break here belongs to the field.</summary>
    public readonly bool IsInQuotes => state == State.Quoted;

    public CsvStep Next(char c)
    {
        switch (state)
        {
            case State.Quoted:
                state = c == '"' ? State.QuoteInQuoted : State.Quoted;
                return CsvStep.Content;
            case State.QuoteInQuoted when c == '"':
                state = State.Quoted;
                return CsvStep.Content;
            case State.FieldStart when c == '"':
                state = State.Quoted;
                return CsvStep.Content;
        }

        switch (c)
        {
            case ',':
                state = State.FieldStart;
                return CsvStep.FieldEnd;
            case '\r' or '\n':
                state = State.FieldStart;
                return CsvStep.RecordEnd;
            default:
                state = State.Unquoted;
                return CsvStep.Content;
        }
    }

    /// <summary>True when a field as written opens a quote it never closes.</summary>
    public static bool IsUnclosed(string rawField)
    {
        var scanner = default(Rfc4180Scanner);
        foreach (var c in rawField)
        {
            scanner.Next(c);
        }

        return scanner.IsInQuotes;
    }

    /// <summary>Splits one raw row (as CsvHelper reports it, line break included) into its fields as written.</summary>
    public static List<string> SplitRawFields(string rawRecord)
    {
        var scanner = default(Rfc4180Scanner);
        var fields = new List<string>();
        var start = 0;
        for (var i = 0; i < rawRecord.Length; i++)
        {
            switch (scanner.Next(rawRecord[i]))
            {
                case CsvStep.FieldEnd:
                    fields.Add(rawRecord[start..i]);
                    start = i + 1;
                    break;
                case CsvStep.RecordEnd:
                    fields.Add(rawRecord[start..i]);
                    return fields;
            }
        }

        fields.Add(rawRecord[start..]);
        return fields;
    }
}
