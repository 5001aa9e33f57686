using System.Security.Cryptography;
using System.Text;

namespace AiRoi.ServiceDefaults.Http;

/// <summary>Who presented a valid API key, and what it may read and write.</summary>
/// <param name="KeyId">The key's id (a fixed id for the development key).</param>
/// <param name="Name">The key's name, for logs and audit.</param>
/// <param name="UseCaseIds">Null when the key is scoped to the whole organization; else the only use cases it may read and write.</param>
/// <param name="IsAdmin">True when the key may also manage API keys.</param>
/// <param name="ActsForPeople">
/// True when requests with the key may name the person they act for (<c>X-Acting-Person</c>): the web's own key,
/// which writes for signed-in people and records them as authors (ADR-0024).
/// </param>
/// <param name="IsReadOnly">True when the key only reads: every request but a GET is refused (403).</param>
public sealed record ApiKeyHolder(Guid KeyId, string Name, IReadOnlyList<string>? UseCaseIds, bool IsAdmin, bool ActsForPeople = false, bool IsReadOnly = false)
{
    /// <summary>Whether the key covers <paramref name="useCaseId"/>: may read it, and write it unless read-only.</summary>
    public bool Covers(string useCaseId) => UseCaseIds is null || UseCaseIds.Contains(useCaseId);

    /// <summary>Whether the key may write events for <paramref name="useCaseId"/>.</summary>
    public bool MayWrite(string useCaseId) => !IsReadOnly && Covers(useCaseId);
}

/// <summary>
/// The stored form of an API key: its SHA-256 hash. Keys are 256-bit random secrets, so a fast hash suffices
/// (ADR-0009); services that remember keys briefly key their caches by it too.
/// </summary>
public static class ApiKeyHash
{
    /// <summary>SHA-256 of the key's UTF-8 bytes.</summary>
    public static byte[] Of(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}
