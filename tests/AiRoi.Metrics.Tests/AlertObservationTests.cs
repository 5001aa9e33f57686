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

    private async Task<long> OpenConditionsAsync(string useCase)
    {
        await using var command = cluster.Database.CreateCommand("select count(*) from metrics.alert_conditions where use_case_id = $1 and closed_at is null");
        command.Parameters.AddWithValue(useCase);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
