using AiRoi.Domain.Alerts;
using AiRoi.Metrics.Alerts;

namespace AiRoi.Metrics.Tests;

/// <summary>
/// Analyses of an experiment reach the metrics service through a queue with competing consumers, so an older one can
/// be observed after a newer one: it must change nothing.
/// </summary>
[Collection(MetricsClusterCollection.Name)]
public sealed class AlertObservationTests(MetricsCluster cluster)
{
    [Fact]
    public async Task An_analysis_older_than_the_one_observed_neither_reopens_nor_closes_a_condition()
    {
        var store = new AlertStore(cluster.Database);
        var useCase = $"uc-{Guid.NewGuid():N}"[..20];
        var experiment = $"exp-{Guid.NewGuid():N}"[..20];
        IReadOnlyList<string> prefixes = [AlertConditions.ExperimentPrefix(experiment)];
        var broken = AlertConditions.ForExperiment(experiment, "Prompt test", sampleRatioMismatch: true, []);
        var at = new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

        // 9:00 the split is broken; 9:02 it is fine again (closed); then the 9:01 analysis arrives late.
        await store.ObserveAsync(useCase, prefixes, broken, CancellationToken.None, (experiment, at));
        await store.ObserveAsync(useCase, prefixes, [], CancellationToken.None, (experiment, at.AddMinutes(2)));
        await store.ObserveAsync(useCase, prefixes, broken, CancellationToken.None, (experiment, at.AddMinutes(1)));
        Assert.Equal(0, await OpenConditionsAsync(useCase));

        // A newer analysis counts: the split broke again at 9:03.
        await store.ObserveAsync(useCase, prefixes, broken, CancellationToken.None, (experiment, at.AddMinutes(3)));
        Assert.Equal(1, await OpenConditionsAsync(useCase));
    }

    [Fact]
    public async Task A_concluded_experiments_conditions_close_and_no_analysis_made_while_it_ran_reopens_them()
    {
        var store = new AlertStore(cluster.Database);
        var useCase = $"uc-{Guid.NewGuid():N}"[..20];
        var experiment = $"exp-{Guid.NewGuid():N}"[..20];
        var other = $"exp-{Guid.NewGuid():N}"[..20];
        var at = new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
        await store.ObserveAsync(useCase, [AlertConditions.ExperimentPrefix(experiment)],
            AlertConditions.ForExperiment(experiment, "Prompt test", sampleRatioMismatch: true, ["csatMean"]), CancellationToken.None, (experiment, at));
        await store.ObserveAsync(useCase, [AlertConditions.ExperimentPrefix(other)],
            AlertConditions.ForExperiment(other, "Another test", sampleRatioMismatch: true, []), CancellationToken.None, (other, at));
        Assert.Equal(3, await OpenConditionsAsync(useCase));

        // Concluded straight from running: no analysis follows to close its conditions, so the conclusion does.
        await store.CloseExperimentAsync(useCase, experiment, CancellationToken.None);
        Assert.Equal(1, await OpenConditionsAsync(useCase)); // the other experiment's split stays broken

        // An analysis made while it ran, delivered after the conclusion, changes nothing; nor does the conclusion again.
        await store.ObserveAsync(useCase, [AlertConditions.ExperimentPrefix(experiment)],
            AlertConditions.ForExperiment(experiment, "Prompt test", sampleRatioMismatch: true, []), CancellationToken.None, (experiment, at.AddHours(1)));
        await store.CloseExperimentAsync(useCase, experiment, CancellationToken.None);
        Assert.Equal(1, await OpenConditionsAsync(useCase));
    }

    private async Task<long> OpenConditionsAsync(string useCase)
    {
        await using var command = cluster.Database.CreateCommand("select count(*) from metrics.alert_conditions where use_case_id = $1 and closed_at is null");
        command.Parameters.AddWithValue(useCase);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
