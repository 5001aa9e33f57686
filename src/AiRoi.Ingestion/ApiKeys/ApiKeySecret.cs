using System.Security.Cryptography;
using AiRoi.ServiceDefaults.Http;

namespace AiRoi.Ingestion.ApiKeys;

/// <summary>How API keys look and how they are stored: <c>airoi_</c> + 43 characters of base64url (256 random bits), kept only as a SHA-256 hash.</summary>
public static class ApiKeySecret
{
    /// <summary>The key that works in Development only, so a developer can write without creating one.</summary>
    public const string DevelopmentKey = "airoi-dev-key";

    private const string Prefix = "airoi_";

    /// <summary>Characters of the key kept in clear, so a person can tell keys apart in a list.</summary>
    public const int VisiblePrefixLength = 10;

    /// <summary>Whether <paramref name="presented"/> is the development key and counts as one: only in Development.</summary>
    public static bool IsAcceptedDevelopmentKey(string presented, bool isDevelopment) =>
        isDevelopment && string.Equals(presented, DevelopmentKey, StringComparison.Ordinal);

    /// <summary>A new random key.</summary>
    public static string Generate() => Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))
        .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>The stored form of a key (<see cref="ApiKeyHash"/>).</summary>
    public static byte[] Hash(string key) => ApiKeyHash.Of(key);
}
