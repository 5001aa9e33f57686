using AiRoi.ServiceDefaults.Data;

namespace AiRoi.Experiments.Tests.Outcomes;

/// <summary>Replicas of a service share a periodic job's rounds through the database: one round per period among them.</summary>
[Collection(ExperimentsDatabaseCollection.Name)]
public sealed class PeriodicRoundsTests(ExperimentsDatabase database)
{
    [Fact]
    public async Task Of_two_replicas_ticking_together_one_claims_the_round_and_the_other_skips_it()
    {
        var job = $"job-{Guid.NewGuid():N}";
        var period = TimeSpan.FromMinutes(1);
        var claims = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ =>
            database.DataSource.TryClaimAsync("experiments.periodic_rounds", job, period, CancellationToken.None)));
        Assert.Equal(1, claims.Count(claimed => claimed));
        // A tick later in the same period finds the round taken.
        Assert.False(await database.DataSource.TryClaimAsync("experiments.periodic_rounds", job, period, CancellationToken.None));
    }

    [Fact]
    public async Task A_round_is_claimed_again_once_nine_tenths_of_a_period_have_passed()
    {
        var job = $"job-{Guid.NewGuid():N}";
        var period = TimeSpan.FromMilliseconds(500);
        Assert.True(await database.DataSource.TryClaimAsync("experiments.periodic_rounds", job, period, CancellationToken.None));
        Assert.False(await database.DataSource.TryClaimAsync("experiments.periodic_rounds", job, period, CancellationToken.None));
        await Task.Delay(period * 0.9 + TimeSpan.FromMilliseconds(50));
        Assert.True(await database.DataSource.TryClaimAsync("experiments.periodic_rounds", job, period, CancellationToken.None));
    }
}
