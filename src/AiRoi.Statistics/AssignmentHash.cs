using System.Globalization;

namespace AiRoi.Statistics;

/// <summary>
/// Maps (seed, subject) to a number in [0, 1), deterministically, with GrowthBook's published schemes so
/// assignments agree with its SDKs.
/// </summary>
public static class AssignmentHash
{
    /// <summary>Hash versions this engine implements.</summary>
    public static IReadOnlyList<int> KnownVersions { get; } = [1, 2];

    /// <summary>
    /// Version 1: (fnv1a32(value + seed) mod 1000) / 1000. Version 2: (fnv1a32(decimal string of
    /// fnv1a32(seed + value)) mod 10000) / 10000 — the second round removes the correlation that version 1 shows
    /// between experiments whose seeds share a prefix.
    /// </summary>
    /// <param name="seed">Experiment seed (or namespace key).</param>
    /// <param name="value">Subject id.</param>
    /// <param name="version">1 or 2.</param>
    /// <exception cref="StatisticsInputException">The version is unknown.</exception>
    public static double Hash(string seed, string value, int version)
    {
        ArgumentNullException.ThrowIfNull(seed);
        ArgumentNullException.ThrowIfNull(value);
        return version switch
        {
            1 => Fnv1a.Hash32(value + seed) % 1000 / 1000.0,
            2 => Fnv1a.Hash32(Fnv1a.Hash32(seed + value).ToString(CultureInfo.InvariantCulture)) % 10000 / 10000.0,
            _ => throw UnknownVersion(version, "version"),
        };
    }

    internal static StatisticsInputException UnknownVersion(int version, string field) =>
        new(field, InputProblem.UnknownHashVersion, $"Hash version {version} is unknown; known versions are {string.Join(", ", KnownVersions)}.");
}
