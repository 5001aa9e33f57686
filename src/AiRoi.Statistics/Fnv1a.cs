namespace AiRoi.Statistics;

/// <summary>
/// FNV-1a, 32-bit. Fast, well spread and trivially portable, so a deployment's SDK in any language can
/// reproduce our assignments; the same function GrowthBook's SDKs use.
/// </summary>
public static class Fnv1a
{
    private const uint OffsetBasis = 2166136261;
    private const uint Prime = 16777619;

    /// <summary>
    /// Hash of <paramref name="value"/> over its UTF-16 code units, like JavaScript's <c>charCodeAt</c> in
    /// GrowthBook's SDK, so identical strings hash identically in a browser and here.
    /// </summary>
    public static uint Hash32(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var hash = OffsetBasis;
        foreach (var codeUnit in value)
        {
            hash ^= codeUnit;
            hash = unchecked(hash * Prime);
        }

        return hash;
    }
}
