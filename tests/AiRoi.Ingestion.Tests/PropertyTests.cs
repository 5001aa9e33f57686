using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace AiRoi.Ingestion.Tests;

/// <summary>Laws checked on generated files.</summary>
public partial class PropertyTests
{
    private static readonly string[] LineBreaks = ["\n", "\r\n", "\r"];

    /// <summary>Pieces of CSV, good and broken, that any text the reader meets is made of.</summary>
    private static readonly Arbitrary<string> Scraps =
        Gen.Elements(Csv.MinimalHeader, Csv.MinimalRow("evt-1"), Csv.MinimalRow("evt-2"), ",", "\"", "\"\"", "\n", "\r", "\r\n",
                "a", " ", "\uFEFF", "\0", "csat", "9", "2026-03-10T09:00:00Z", "attributes.", "measures.x")
            .ArrayOf()
            .Select(parts => string.Concat(parts))
            .ToArbitrary();

    [Property(MaxTest = 500)]
    public Property Any_text_gets_an_answer_whose_lines_exist_in_it() =>
        Prop.ForAll(Scraps, text =>
        {
            var result = Csv.Read(text);
            var lines = PhysicalLines(text);
            return result.Errors.All(e => e.Line >= 1 && e.Line <= lines) && result.Events.All(e => e.Line >= 2 && e.Line <= lines)
                && (result.Errors.Count > 0 || result.IsValid);
        });

    /// <summary>
    /// A file of valid rows, blank lines and rows with a multi-line quoted subject, in any line breaks, ends with a
    /// row whose csat does not parse: its error carries the line counted independently in the text before it.
    /// </summary>
    [Property(MaxTest = 200)]
    public Property The_error_line_is_the_editor_line_whatever_comes_before() =>
        Prop.ForAll(Gen.Choose(0, 2).Zip(Gen.Elements(LineBreaks)).Zip(Gen.Choose(1, 4)).ArrayOf().ToArbitrary(), pieces =>
        {
            var text = new System.Text.StringBuilder(Csv.MinimalHeader + ",subjectId,csat" + "\n");
            for (var i = 0; i < pieces.Length; i++)
            {
                var ((kind, nl), spanned) = pieces[i];
                text.Append(kind switch
                {
                    0 => $"{Csv.MinimalRow($"evt-{i}")},s,4{nl}",
                    1 => nl,
                    _ => $"{Csv.MinimalRow($"evt-{i}")},\"{string.Join(nl, Enumerable.Repeat("part", spanned))}\",4{nl}",
                });
            }

            var expectedLine = PhysicalLines(text.ToString());
            text.Append($"{Csv.MinimalRow("evt-last")},s,x\n");

            var last = Csv.Read(text.ToString()).Errors[^1];
            return (last.Line, last.Field) == (expectedLine, "csat");
        });

    /// <summary>Lines as an editor counts them: one more than the line breaks, a CRLF being one break.</summary>
    private static int PhysicalLines(string text) => LineBreak().Count(text) + 1;

    [GeneratedRegex("\r\n|\r|\n")]
    private static partial Regex LineBreak();
}
