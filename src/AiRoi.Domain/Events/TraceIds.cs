namespace AiRoi.Domain.Events;

/// <summary>OpenTelemetry trace and span ids as text: lower-case hex, 32 and 16 digits, never all zero.</summary>
public static class TraceIds
{
    /// <summary>Whether <paramref name="text"/> is a trace id.</summary>
    public static bool IsValid(string? text) => IsHex(text, 32);

    /// <summary>Whether <paramref name="text"/> is a span id.</summary>
    public static bool IsValidSpan(string? text) => IsHex(text, 16);

    private static bool IsHex(string? text, int length) =>
        text is not null && text.Length == length && text.All(character => character is >= '0' and <= '9' or >= 'a' and <= 'f') && text.Any(character => character != '0');
}
