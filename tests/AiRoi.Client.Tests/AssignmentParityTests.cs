using AiRoi.Statistics;

namespace AiRoi.Client.Tests;

/// <summary>The client assigns exactly as the experiment service does, for every subject, weights and namespace.</summary>
public sealed class AssignmentParityTests
{
    public static TheoryData<string, double[], string?, double, double> Experiments => new()
    {
        { "exp-even", [0.5, 0.5], null, 0, 1 },
        { "exp-three", [0.2, 0.3, 0.5], null, 0, 1 },
        { "exp-skewed", [0.05, 0.95], "checkout", 0.1, 0.6 },
        { "seed-shared", [1 / 3.0, 1 / 3.0, 1 / 3.0], "pricing", 0.0, 0.25 },
        { "exp-tail", [0.9, 0.1], "search", 0.75, 1.0 },
    };

    [Theory]
    [MemberData(nameof(Experiments))]
    public void One_hundred_thousand_subjects_get_the_service_s_answer(string seed, double[] weights, string? namespaceId, double start, double end)
    {
        var service = new VariantAllocation(seed, weights, namespaceSlice: namespaceId is null ? null : new NamespaceSlice(namespaceId, start, end));
        var variants = weights.Select((_, i) => $"v{i}").ToArray();
        var client = new ExperimentAllocation(new RunningExperimentWire("exp", "bot", seed, 2,
            [.. variants.Zip(weights, (name, weight) => new VariantWeightWire(name, weight))],
            namespaceId is null ? null : new NamespaceWire(namespaceId, start, end)));

        var counts = new int[weights.Length];
        for (var i = 0; i < 100_000; i++)
        {
            var subject = i % 3 == 0 ? $"customer-{i}" : i % 3 == 1 ? Guid.NewGuid().ToString() : $"acct/{i}/ü";
            var expected = service.Assign(subject);
            var actual = client.Assign(subject);
            Assert.Equal(expected.IsAssigned ? variants[expected.VariantIndex!.Value] : null, actual);
            if (expected.IsAssigned)
            {
                counts[expected.VariantIndex!.Value]++;
            }
        }
        // Every variant is reached: the comparison is not of two empty answers.
        Assert.All(counts, count => Assert.True(count > 0));
    }

    [Fact]
    public void The_hash_matches_the_service_s_for_both_versions()
    {
        foreach (var version in new[] { 1, 2 })
        {
            Assert.Equal(AssignmentHash.Hash("seed", "subject-42", version), ExperimentAllocation.Hash("seed", "subject-42", version));
        }
        Assert.Throws<NotSupportedException>(() => ExperimentAllocation.Hash("seed", "x", 3));
    }
}
