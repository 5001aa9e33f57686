using System.Text.Json;
using AiRoi.Contracts.UseCases;
using AiRoi.Domain.Events;
using AiRoi.Domain.Metrics;
using AiRoi.Domain.Rollups;
using AiRoi.Metrics.UseCases;
using static AiRoi.Metrics.Tests.Scenario;

namespace AiRoi.Metrics.Tests;

/// <summary>The grain's metric state after a deactivation and after a change of shape equals a recomputation from the log.</summary>
[Collection(MetricsClusterCollection.Name)]
public sealed class RecoveryTests(MetricsCluster cluster)
{
    private static readonly DateOnly Start = new(2026, 4, 1);

    private static IEnumerable<OutcomeEvent> Mixed(Domain.UseCases.UseCase useCase, int count, int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            yield return Event(useCase, Start.AddDays(random.Next(90)), (Handler)(1 + random.Next(3)), 60 + random.Next(3600)) with
            {
                Resolved = random.Next(4) > 0,
                Csat = 1 + random.Next(5),
                Nps = random.Next(11),
                AiCost = random.Next(100) / 100m,
                HumanMinutes = random.Next(30),
                Converted = random.Next(5) == 0,
                ExceptionType = random.Next(8) == 0 ? "timeout" : null,
                Attributes = new Dictionary<string, string> { ["complexity"] = random.Next(3) switch { 0 => "low", 1 => "medium", _ => "high" } },
                Measures = new Dictionary<string, double> { ["handleScore"] = random.Next(100) },
            };
        }
    }

    private async Task<string> EveryReportAsync(string id)
    {
        var grain = cluster.Grain(id);
        var until = Start.AddDays(90);
        var parts = new List<object>();
        foreach (var metric in MetricCatalog.BuiltIn)
        {
            parts.Add((await grain.GetSeriesAsync(metric.Key, Granularity.Day, Start, until, null, null, null)).Value);
            parts.Add((await grain.GetSeriesAsync(metric.Key, Granularity.Week, Start, until, Handler.Ai, "complexity", "high")).Value);
        }
        parts.Add((await grain.GetBreakdownAsync(true, Granularity.Week, Start, until, until)).Value);
        parts.Add((await grain.GetHealthAsync(until)).Value);
        return JsonSerializer.Serialize(parts, DomainSerialization.Options);
    }

    [Fact]
    public async Task After_deactivation_every_report_is_the_same_as_before()
    {
        var useCase = UseCase("recovery");
        await cluster.RegisterAsync(useCase);
        await cluster.AppendAsync(useCase.Id, Mixed(useCase, 400, seed: 1));
        await cluster.AppendAsync(useCase.Id, Mixed(useCase, 300, seed: 2));
        var before = await EveryReportAsync(useCase.Id);

        await cluster.DeactivateGrainsAsync();
        Assert.Equal(before, await EveryReportAsync(useCase.Id));
    }

    [Fact]
    public async Task A_new_custom_metric_rebuilds_the_state_from_the_log_so_past_events_count()
    {
        var useCase = UseCase("rebuild");
        await cluster.RegisterAsync(useCase);
        var events = Mixed(useCase, 200, seed: 3).ToList();
        await cluster.AppendAsync(useCase.Id, events);

        var registry = new UseCaseRegistry(cluster.Database);
        await registry.UpdateAsync(useCase.Id, current => current.UseCase with
        {
            CustomMetrics = [new CustomMetricDefinition("handleScore", "Handle score", MetricUnit.Score, Aggregation.Mean, GoodDirection.Higher, ValueKind.Vanity, MetricRole.Process)],
        }, CancellationToken.None);
        await cluster.Grain(useCase.Id).DefinitionChangedAsync();

        var series = (await cluster.Grain(useCase.Id).GetSeriesAsync("handleScore", Granularity.Month, Start, Start.AddDays(90), null, null, null)).Value;
        Assert.Equal(events.Average(e => e.Measures!["handleScore"]), series.Overall.Value!.Value, 9);
        Assert.Equal(200, series.Overall.N);
    }
}
