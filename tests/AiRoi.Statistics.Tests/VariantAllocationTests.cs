namespace AiRoi.Statistics.Tests;

public class VariantAllocationTests
{
    [Fact]
    public void Hash_picks_the_variant_whose_cumulative_range_contains_it()
    {
        var allocation = new VariantAllocation("exp", [0.2, 0.3, 0.5]);

        Assert.Equal(0, allocation.VariantAt(0));
        Assert.Equal(0, allocation.VariantAt(0.1999));
        Assert.Equal(1, allocation.VariantAt(0.2));
        Assert.Equal(1, allocation.VariantAt(0.4999));
        Assert.Equal(2, allocation.VariantAt(0.5));
        Assert.Equal(2, allocation.VariantAt(0.9999));
    }

    [Fact]
    public void Ranges_are_contiguous_and_cover_the_unit_interval()
    {
        var ranges = new VariantAllocation("exp", [1 / 3.0, 1 / 3.0, 1 / 3.0]).Ranges;

        Assert.Equal(0, ranges[0].Start);
        Assert.Equal(1, ranges[^1].End);
        for (var i = 1; i < ranges.Count; i++)
        {
            Assert.Equal(ranges[i - 1].End, ranges[i].Start);
        }
    }

    [Fact]
    public void Assignment_uses_the_experiment_hash_of_the_subject()
    {
        // Reference hashes: seed "seed" gives 0.0505 for "a" and 0.2696 for "b" (version 2).
        var allocation = new VariantAllocation("seed", [0.05, 0.95]);

        var a = allocation.Assign("a");
        var b = allocation.Assign("b");

        Assert.Equal(new Assignment(AssignmentOutcome.Assigned, 1, 0.0505), a with { Hash = Math.Round(a.Hash!.Value, 4) });
        Assert.Equal(1, b.VariantIndex);
        Assert.Equal(0, new VariantAllocation("seed", [0.06, 0.94]).Assign("a").VariantIndex);
    }

    [Fact]
    public void Version_1_hashes_are_used_when_asked_for()
    {
        // Reference: seed "b", subject "a", version 1 → 0.946.
        Assert.Equal(1, new VariantAllocation("b", [0.9, 0.1], hashVersion: 1).Assign("a").VariantIndex);
        Assert.Equal(0, new VariantAllocation("b", [0.95, 0.05], hashVersion: 1).Assign("a").VariantIndex);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Missing_subject_gets_no_variant_and_says_why(string? subject)
    {
        var assignment = new VariantAllocation("exp", [0.5, 0.5]).Assign(subject);

        Assert.False(assignment.IsAssigned);
        Assert.Equal(AssignmentOutcome.MissingSubjectId, assignment.Outcome);
        Assert.Null(assignment.VariantIndex);
    }

    [Fact]
    public void Experiments_with_disjoint_namespace_slices_never_share_a_subject()
    {
        var first = new VariantAllocation("exp-1", [0.5, 0.5], namespaceSlice: new NamespaceSlice("checkout", 0, 0.4));
        var second = new VariantAllocation("exp-2", [0.5, 0.5], namespaceSlice: new NamespaceSlice("checkout", 0.4, 1));

        var inFirst = 0;
        for (var i = 0; i < 5000; i++)
        {
            var subject = $"subject-{i}";
            var a = first.Assign(subject);
            var b = second.Assign(subject);
            Assert.True(a.IsAssigned ^ b.IsAssigned, subject);
            inFirst += a.IsAssigned ? 1 : 0;
            var refused = a.IsAssigned ? b : a;
            Assert.Equal(AssignmentOutcome.OutsideNamespace, refused.Outcome);
        }

        // The slice [0, 0.4) should hold about 40% of subjects.
        Assert.InRange(inFirst / 5000.0, 0.37, 0.43);
    }

    [Fact]
    public void Namespace_position_is_the_version_1_hash_with_the_namespace_seed()
    {
        Assert.Equal(AssignmentHash.Hash("__checkout", "user-1", 1), NamespaceSlice.Position("checkout", "user-1"));
    }
}
