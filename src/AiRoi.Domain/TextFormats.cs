using System.Globalization;

namespace AiRoi.Domain;

/// <summary>
/// The shapes that ids, keys and names must have. Lengths count UTF-16 code units (<see cref="string.Length"/>),
/// which for the ASCII-only shapes here equals characters.
/// </summary>
public static class TextFormats
{
    /// <summary>
    /// Longest slug. Slugs appear in URLs, metric series names and log lines; 64 holds a descriptive name such as
    /// <c>emea-support-chatbot-tier-1-billing</c> with room to spare.
    /// </summary>
    public const int MaxSlugLength = 64;

    /// <summary>
    /// Longest identifier (attribute key, measure name, metric key). Identifiers become column labels and JSON
    /// keys; 64 is PostgreSQL's identifier limit (63 bytes + terminator), so any of them can also name a column.
    /// </summary>
    public const int MaxIdentifierLength = 64;

    /// <summary>
    /// Longest e-mail address: RFC 5321 limits a forward path to 256 octets including the angle brackets.
    /// </summary>
    public const int MaxEmailLength = 254;

    /// <summary>
    /// True for a slug: lowercase ASCII letters and digits in groups joined by single hyphens
    /// (<c>support-bot-2</c>), at most <see cref="MaxSlugLength"/> long. No leading, trailing or double hyphen,
    /// so a slug is unambiguous in URLs and can be typed without quoting.
    /// </summary>
    public static bool IsSlug(string? value)
    {
        if (string.IsNullOrEmpty(value) || value.Length > MaxSlugLength || value[0] == '-' || value[^1] == '-')
        {
            return false;
        }

        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            var ok = char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || (c == '-' && value[i - 1] != '-');
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// A slug made from a name, for suggesting an id: accents dropped, letters and digits kept in lower case, every
    /// other run of characters one hyphen, cut to <see cref="MaxSlugLength"/> ("Support Bot — EMEA" → <c>support-bot-emea</c>);
    /// empty when the name has no letter or digit.
    /// </summary>
    public static string SlugFrom(string? name)
    {
        var slug = new System.Text.StringBuilder();
        foreach (var character in (name ?? "").Normalize(System.Text.NormalizationForm.FormD))
        {
            if (char.IsAsciiLetterOrDigit(character))
            {
                slug.Append(char.ToLowerInvariant(character));
            }
            else if (System.Globalization.CharUnicodeInfo.GetUnicodeCategory(character) != System.Globalization.UnicodeCategory.NonSpacingMark &&
                     slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }
        var text = slug.ToString();
        if (text.Length > MaxSlugLength)
        {
            text = text[..MaxSlugLength];
        }
        return text.Trim('-');
    }

    /// <summary>
    /// True for an identifier: an ASCII letter, then ASCII letters, digits or underscores (<c>handleScore</c>,
    /// <c>region_code</c>), at most <see cref="MaxIdentifierLength"/> long. Identifiers never contain a dot, so a
    /// field path such as <c>measures.handleScore</c> is unambiguous.
    /// </summary>
    public static bool IsIdentifier(string? value)
    {
        if (string.IsNullOrEmpty(value) || value.Length > MaxIdentifierLength || !char.IsAsciiLetter(value[0]))
        {
            return false;
        }

        foreach (var c in value)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '_')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// True when a text has no control characters and no unpaired surrogates. PostgreSQL refuses NUL in text and
    /// any invalid UTF-16 cannot be stored as UTF-8; other control characters (tabs, newlines) break CSV exports
    /// and the one-line labels these texts become in tables and charts.
    /// </summary>
    public static bool IsPrintable(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsControl(c))
            {
                return false;
            }

            if (char.IsHighSurrogate(c))
            {
                if (i + 1 >= value.Length || !char.IsLowSurrogate(value[i + 1]))
                {
                    return false;
                }

                i++;
            }
            else if (char.IsLowSurrogate(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// True when <paramref name="value"/> holds a character that changes how text looks without being seen: a format
    /// character (right-to-left override, zero-width space or joiner, byte-order mark, soft hyphen), a line or
    /// paragraph separator, or a non-character. Two ids that differ only in such characters look the same in every
    /// table, so ids refuse them.
    /// </summary>
    public static bool HasInvisibleCharacters(string value)
    {
        foreach (var c in value)
        {
            if (char.GetUnicodeCategory(c) is UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
                || c is '\uFFFE' or '\uFFFF')
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// True for a plausible e-mail address: one <c>@</c>, a non-empty local part of at most 64 characters, a
    /// domain of dot-separated non-empty labels with at least one dot, no whitespace or control characters, at
    /// most <see cref="MaxEmailLength"/> long. Deliberately not full RFC 5322: the goal is to catch typos in a
    /// business owner's address, not to accept quoted local parts nobody uses.
    /// </summary>
    public static bool IsEmail(string? value)
    {
        if (string.IsNullOrEmpty(value) || value.Length > MaxEmailLength)
        {
            return false;
        }

        var at = value.IndexOf('@');
        if (at <= 0 || at > 64 || at != value.LastIndexOf('@'))
        {
            return false;
        }

        foreach (var c in value)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                return false;
            }
        }

        var domain = value[(at + 1)..];
        return domain.Contains('.') && domain.Split('.').All(label => label.Length > 0 && label[0] != '-' && label[^1] != '-');
    }
}
