using AiRoi.Domain;

namespace AiRoi.Ingestion.Import;

/// <summary>
/// The rules of the header row: every column named, each name known and used once, the required columns
/// present. Names are matched exactly, so a near miss (<c>started_at</c>, <c>EventId</c>) is refused with the
/// name that was probably meant rather than silently ignored or guessed.
/// </summary>
internal static class CsvHeader
{
    /// <summary>
    /// Edits (insert, delete, replace a character) between a wrong name and the one suggested for it. Two catches
    /// a typo or a case slip in camelCase (<c>eventID</c>) without suggesting an unrelated column.
    /// </summary>
    private const int MaxSuggestionDistance = 2;

    private static readonly HashSet<string> Fields = new(OutcomeEventCsvColumns.Fields, StringComparer.Ordinal);

    /// <summary>Checks the header; returns its column names (a leading byte-order mark removed) and the problems found.</summary>
    public static string[] Check(int line, string[] cells, bool useCaseIdGiven, List<CsvRowError> errors)
    {
        var names = cells.ToArray();
        if (names.Length > 0)
        {
            // A BOM reaches here only through a TextReader that kept it; a stream's is removed when it is decoded.
            names[0] = names[0].TrimStart('\uFEFF');
        }

        var firstColumn = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < names.Length; i++)
        {
            var name = names[i];
            var column = i + 1;
            if (string.IsNullOrWhiteSpace(name))
            {
                errors.Add(Error(line, "", ValidationCodes.Required,
                    $"Column {column} of the header has no name; remove the column or name it, e.g. '{OutcomeEventCsvColumns.Csat}'."));
            }
            else if (firstColumn.TryGetValue(name, out var first))
            {
                errors.Add(Error(line, name, ValidationCodes.Duplicate,
                    $"The column '{name}' appears twice in the header (columns {first} and {column})."));
            }
            else
            {
                firstColumn[name] = column;
                CheckName(line, name, names.Length, errors);
            }
        }

        foreach (var required in OutcomeEventCsvColumns.Required)
        {
            if (!firstColumn.ContainsKey(required) && !(required == OutcomeEventCsvColumns.UseCaseId && useCaseIdGiven))
            {
                errors.Add(Error(line, required, ValidationCodes.Required, $"The header has no '{required}' column, which is required."));
            }
        }

        return names;
    }

    private static void CheckName(int line, string name, int columnCount, List<CsvRowError> errors)
    {
        if (Fields.Contains(name))
        {
            return;
        }

        if (MapKey(name) is { } key)
        {
            if (!TextFormats.IsIdentifier(key))
            {
                errors.Add(Error(line, CsvValues.Shown(name), ValidationCodes.InvalidFormat,
                    $"The column '{CsvValues.Shown(name)}' names an invalid key: after the prefix it must start with a letter and contain only letters, digits and underscores, at most {TextFormats.MaxIdentifierLength} characters."));
            }

            return;
        }

        var message = $"The column '{CsvValues.Shown(name)}' is not an outcome event field; column names are case-sensitive.";
        if (Suggestion(name) is { } suggestion)
        {
            message += $" Did you mean '{suggestion}'?";
        }
        else if (columnCount == 1 && name.IndexOfAny([';', '\t', '|']) >= 0)
        {
            message += " The header has a single column: the file seems to separate fields with something other than a comma.";
        }
        else
        {
            message += $" Known columns: {string.Join(", ", OutcomeEventCsvColumns.Fields)}, {OutcomeEventCsvColumns.AttributePrefix}<key>, {OutcomeEventCsvColumns.MeasurePrefix}<name>.";
        }

        errors.Add(Error(line, CsvValues.Shown(name), ValidationCodes.UnknownValue, message));
    }

    /// <summary>The key of an <c>attributes.</c> or <c>measures.</c> column; null for any other name.</summary>
    public static string? MapKey(string name) =>
        name.StartsWith(OutcomeEventCsvColumns.AttributePrefix, StringComparison.Ordinal) ? name[OutcomeEventCsvColumns.AttributePrefix.Length..]
        : name.StartsWith(OutcomeEventCsvColumns.MeasurePrefix, StringComparison.Ordinal) ? name[OutcomeEventCsvColumns.MeasurePrefix.Length..]
        : null;

    /// <summary>
    /// The known name closest to a wrong one: equal once case, spaces, hyphens and underscores are ignored
    /// (<c>Event ID</c>, <c>started_at</c>), else within <see cref="MaxSuggestionDistance"/> edits. A dotted name
    /// is compared with both map prefixes, keeping its key (<c>attribute.region</c> → <c>attributes.region</c>).
    /// </summary>
    private static string? Suggestion(string name)
    {
        var dot = name.IndexOf('.');
        IEnumerable<string> candidates = dot < 0
            ? OutcomeEventCsvColumns.Fields
            : [OutcomeEventCsvColumns.AttributePrefix + name[(dot + 1)..], OutcomeEventCsvColumns.MeasurePrefix + name[(dot + 1)..]];

        var normalized = Normalize(name);
        string? best = null;
        var bestDistance = MaxSuggestionDistance + 1;
        foreach (var candidate in candidates)
        {
            var distance = Normalize(candidate) == normalized ? 0 : EditDistance(name, candidate, bestDistance);
            if (distance < bestDistance)
            {
                (best, bestDistance) = (candidate, distance);
            }
        }

        return best;
    }

    private static string Normalize(string name) =>
        new(name.Where(c => c is not (' ' or '_' or '-')).Select(char.ToLowerInvariant).ToArray());

    /// <summary>Levenshtein distance, or <paramref name="cap"/> as soon as it is known to be at least that.</summary>
    private static int EditDistance(string a, string b, int cap)
    {
        if (Math.Abs(a.Length - b.Length) >= cap)
        {
            return cap;
        }

        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = current[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var replace = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(replace, Math.Min(previous[j], current[j - 1]) + 1);
                rowMin = Math.Min(rowMin, current[j]);
            }

            if (rowMin >= cap)
            {
                return cap;
            }

            (previous, current) = (current, previous);
        }

        return Math.Min(previous[b.Length], cap);
    }

    private static CsvRowError Error(int line, string field, string code, string message) => new(line, field, code, message);
}
