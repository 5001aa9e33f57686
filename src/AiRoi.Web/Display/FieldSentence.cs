using System.Text;
using System.Text.RegularExpressions;

namespace AiRoi.Web.Display;

/// <summary>
/// The backends' messages, reworded for the people who fill in the web's forms. The APIs name fields as a developer
/// sends them (<c>targets[0].dueDate</c>, <c>businessOwner.email</c>); on a page a message names the field as its label
/// reads ("Due date of target 1 must be …"), and any other field it mentions in words ("target 1 due date").
/// Text in quotes (a value the person typed, an example) is left as it is.
/// </summary>
public static partial class FieldSentence
{
    /// <summary>
    /// <paramref name="message"/> about <paramref name="field"/>, with the field as <paramref name="label"/> (or, without
    /// one, the field in words) and every other field name in words.
    /// </summary>
    public static string Of(string? label, string field, string message)
    {
        ArgumentNullException.ThrowIfNull(field);
        ArgumentNullException.ThrowIfNull(message);
        var named = label ?? Capitalized(Words(field));
        var rest = message.StartsWith(field, StringComparison.Ordinal) && (message.Length == field.Length || !IsPathCharacter(message[field.Length]))
            ? named + message[field.Length..]
            : message;
        return Plain(rest);
    }

    /// <summary><paramref name="message"/> with every field name outside quotes in words; the first letter a capital.</summary>
    public static string Plain(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var parts = message.Split('\'');
        for (var at = 0; at < parts.Length; at += 2)
        {
            parts[at] = FieldPath().Replace(parts[at], match => Words(match.Value));
        }
        return Capitalized(string.Join('\'', parts));
    }

    /// <summary>A field path in words: <c>unitEconomics.fixedMonthlyCosts[1].amount</c> → "unit economics fixed monthly cost 2 amount".</summary>
    public static string Words(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var words = new List<string>();
        foreach (var segment in path.Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            var index = Indexed().Match(segment);
            if (index.Success)
            {
                words.Add(Singular(CamelWords(index.Groups["name"].Value)));
                words.Add((int.Parse(index.Groups["index"].Value, System.Globalization.CultureInfo.InvariantCulture) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                words.Add(CamelWords(segment));
            }
        }
        return string.Join(' ', words);
    }

    private static bool IsPathCharacter(char character) => char.IsLetterOrDigit(character) || character is '.' or '[' or ']';

    private static string CamelWords(string name)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        foreach (var character in name)
        {
            if (char.IsUpper(character) && word.Length > 0)
            {
                words.Add(word.ToString());
                word.Clear();
            }
            word.Append(char.ToLowerInvariant(character));
        }
        words.Add(word.ToString());
        // Acronyms read as such.
        return string.Join(' ', words.Select(each => each is "ai" or "csat" ? each.ToUpperInvariant() : each));
    }

    private static string Singular(string words) =>
        words.EndsWith("ies", StringComparison.Ordinal) ? words[..^3] + "y"
        : words.EndsWith('s') ? words[..^1]
        : words;

    private static string Capitalized(string text) =>
        text.Length == 0 || char.IsUpper(text[0]) ? text : char.ToUpperInvariant(text[0]) + text[1..];

    // A field path as the APIs write one: a camel-case name, or names joined by dots with optional [index];
    // a lone lower-case word ("must", "value") is not one.
    [GeneratedRegex(@"(?<![\w@.])(?:[a-z]+(?:[A-Z][a-z0-9]*)+(?:\[\d+\])?|[a-z]+\[\d+\])(?:\.[a-z]+(?:[A-Z][a-z0-9]*)*(?:\[\d+\])?)*|(?<![\w@.])[a-z]+(?:\[\d+\])?(?:\.[a-z]+(?:[A-Z][a-z0-9]*)*(?:\[\d+\])?)+(?=[\s:;,)]|\.(?:\s|$)|$)", RegexOptions.CultureInvariant)]
    private static partial Regex FieldPath();

    [GeneratedRegex(@"^(?<name>\w+)\[(?<index>\d+)\]$", RegexOptions.CultureInvariant)]
    private static partial Regex Indexed();
}
