using System.Buffers;

namespace AiRoi.Domain.Events;

/// <summary>OpenTelemetry trace and span ids as text: lower-case hex, 32 and 16 digits, never all zero.</summary>
public static class TraceIds
{
    /// <summary>Whether <paramref name="text"/> is a trace id.</summary>
    public static bool IsValid(string? text) => IsHex(text, 32);

    /// <summary>Whether <paramref name="text"/> is a span id.</summary>
    public static bool IsValidSpan(string? text) => IsHex(text, 16);

    private static readonly SearchValues<char> LowerHex = SearchValues.Create("0123456789abcdef");

    private static bool IsHex(string? text, int length) =>
        text is not null && text.Length == length && !text.AsSpan().ContainsAnyExcept(LowerHex) && text.AsSpan().ContainsAnyExcept('0');
}
