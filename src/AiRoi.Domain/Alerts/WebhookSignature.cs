using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace AiRoi.Domain.Alerts;

/// <summary>
/// The signature a receiver checks to know a notice came from AiRoi and was not changed or replayed: HMAC-SHA256,
/// keyed by the rule's secret, over <c>{timestamp}.{body}</c> (the Unix seconds sent in <see cref="TimestampHeader"/>,
/// a dot, the raw body), sent as <c>sha256={hex}</c> in <see cref="SignatureHeader"/>. A receiver refuses a timestamp
/// older than a few minutes.
/// </summary>
public static class WebhookSignature
{
    /// <summary>The header with the signature.</summary>
    public const string SignatureHeader = "X-AiRoi-Signature";

    /// <summary>The header with the Unix time in seconds the signature covers.</summary>
    public const string TimestampHeader = "X-AiRoi-Timestamp";

    /// <summary>The header naming the alert: the same on every retry, so a receiver can drop a repeat.</summary>
    public const string AlertIdHeader = "X-AiRoi-Alert-Id";

    /// <summary>The signature of <paramref name="body"/> sent at <paramref name="timestamp"/> (Unix seconds).</summary>
    public static string Sign(string secret, long timestamp, string body)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        ArgumentNullException.ThrowIfNull(body);
        var signed = Encoding.UTF8.GetBytes(timestamp.ToString(CultureInfo.InvariantCulture) + "." + body);
        return "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed));
    }
}
