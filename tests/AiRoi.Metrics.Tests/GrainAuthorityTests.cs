using AiRoi.Contracts.UseCases;
using AiRoi.Domain;
using AiRoi.Domain.Annotations;
using AiRoi.Domain.Baselines;
using AiRoi.Domain.Events;
using AiRoi.Domain.Metrics;
using AiRoi.Domain.Rollups;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Serialization.Serializers;
using static AiRoi.Metrics.Tests.Scenario;

namespace AiRoi.Metrics.Tests;

/// <summary>
/// The use-case grain answers for its own use case: an unknown use case and a metric the use case does not have
/// are typed answers, never exceptions, and outcome events cross the grain call whole.
/// </summary>
[Collection(MetricsClusterCollection.Name)]
public sealed class GrainAuthorityTests(MetricsCluster cluster)
{
    private static readonly DateOnly Day = new(2026, 7, 6);

    [Fact]
    public async Task A_use_case_that_is_not_registered_is_answered_as_unknown_by_every_call()
    {
        var grain = cluster.Grain($"never-registered-{Guid.NewGuid():N}");

        Assert.True((await grain.GetDefinitionAsync()).IsUnknownUseCase);
        Assert.True((await grain.GetMetricsAsync(Day, keyOnly: false, days: 28)).IsUnknownUseCase);
        Assert.True((await grain.GetSeriesAsync(MetricKeys.CsatMean, Granularity.Week, Day, Day.AddDays(7), null, null, null)).IsUnknownUseCase);
        Assert.True((await grain.CompareAsync(MetricKeys.CsatMean, null, Day, Day.AddDays(7))).IsUnknownUseCase);
        Assert.True((await grain.GetRoiAsync(Granularity.Month, Day, Day.AddDays(31))).IsUnknownUseCase);
        Assert.True((await grain.GetHealthAsync(Day)).IsUnknownUseCase);
        Assert.True((await grain.GetAnnotationsAsync()).IsUnknownUseCase);
        Assert.True((await grain.SetBaselineAsync(
            new BaselineRequest { MetricKey = MetricKeys.CsatMean, Method = BaselineMethod.Manual, Value = 4, Source = "survey" }, "k", Day)).IsUnknownUseCase);
        Assert.True((await grain.AddAnnotationAsync(new Annotation(0, Day, AnnotationKind.PromptChange, "v2", null, "k", default))).IsUnknownUseCase);
        Assert.Null((await grain.GetSummaryAsync(Day, from: null)).Value);
        Assert.Equal(UseCaseWriteStatus.Unknown, (await grain.AppendAsync([Event(UseCase("x") with { Id = grain.GetPrimaryKeyString() }, Day, Handler.Ai)])).Status);
        Assert.Throws<InvalidOperationException>(() => (object?)grain.GetHealthAsync(Day).Result.Value);
    }

    [Fact]
    public async Task A_metric_the_use_case_does_not_have_is_refused_naming_the_metric()
    {
        var useCase = UseCase("authority");
        await cluster.RegisterAsync(useCase);
        var grain = cluster.Grain(useCase.Id);

        var series = await grain.GetSeriesAsync("notAMetric", Granularity.Week, Day, Day.AddDays(7), null, null, null);
        var comparison = await grain.CompareAsync("notAMetric", null, Day, Day.AddDays(7));

        foreach (var errors in new[] { series.Errors, comparison.Errors })
        {
            var error = Assert.Single(errors);
            Assert.Equal(("metric", ValidationCodes.UnknownMetric), (error.Field, error.Code));
        }
        Assert.False(series.IsUnknownUseCase);
        Assert.Equal(useCase.Id, (await grain.GetDefinitionAsync()).Value.Id);
    }

    [Fact]
    public async Task Outcome_events_cross_the_grain_call_with_every_field()
    {
        var useCase = UseCase("surrogate");
        await cluster.RegisterAsync(useCase);
        var full = Event(useCase, Day, Handler.Hybrid, 900) with
        {
            SubjectId = "customer-7", Resolved = false, Escalated = true, EscalationReason = "billing", Contacts = 3,
            ExceptionType = "timeout", AiCost = 0.123456m, HumanMinutes = 7.5, HumanCost = 12.34m, Csat = 2, Nps = 9,
            Converted = true, ConversionValue = 99.99m, ExperimentId = "exp-1", Variant = "treatment",
            TraceId = "4bf92f3577b34da6a3ce929d0e0e4736",
            Attributes = new Dictionary<string, string> { ["complexity"] = "high" },
            Measures = new Dictionary<string, double> { ["dealVelocity"] = 3.25 },
        };

        await cluster.AppendAsync(useCase.Id, [full]);
        var stored = await cluster.ReadLoggedEventAsync(useCase.Id, full.EventId);

        Assert.Equal(full with { Attributes = null, Measures = null }, stored with { Attributes = null, Measures = null });
        Assert.Equal(full.Attributes, stored.Attributes);
        Assert.Equal(full.Measures, stored.Measures);
    }

    [Fact]
    public void Outcome_events_travel_in_their_binary_codec_and_other_domain_types_as_json()
    {
        using var services = new ServiceCollection().AddSerializer(serializer => serializer.AddDomainJson()).BuildServiceProvider();
        var codecs = services.GetRequiredService<ICodecProvider>();

        Assert.IsType<OutcomeEventCodec>(codecs.GetCodec(typeof(OutcomeEvent)));
        Assert.Contains("Json", codecs.GetCodec(typeof(Annotation)).GetType().Name, StringComparison.Ordinal);
    }

    [Fact]
    public void A_batch_of_events_reads_back_field_for_field_whatever_each_event_holds()
    {
        using var services = new ServiceCollection().AddSerializer(serializer => serializer.AddDomainJson()).BuildServiceProvider();
        var serializer = services.GetRequiredService<Serializer>();
        var useCase = UseCase("codec");
        var bare = Event(useCase, Day, Handler.Ai, 60);
        var rich = Event(useCase, Day, Handler.Human, 600) with
        {
            SubjectId = "customer-\u00e9\u4e2d", Resolved = true, Escalated = true, EscalationReason = "billing", Contacts = 1,
            ExceptionType = "timeout", AiCost = 0m, HumanMinutes = -0.0, HumanCost = 79228162514264337593543950335m, Csat = 5, Nps = 0,
            Converted = true, ConversionValue = 0.01m, ExperimentId = "exp-1", Variant = "treatment", TraceId = "4bf92f3577b34da6a3ce929d0e0e4736",
            Attributes = new Dictionary<string, string> { ["region"] = "emea", ["channel"] = "", ["tier"] = bare.EventId },
            Measures = new Dictionary<string, double> { ["pages"] = double.Epsilon, ["score"] = -1e300 },
        };
        var empty = Event(useCase, Day, Handler.Hybrid, 1) with { Attributes = new Dictionary<string, string>(), Measures = new Dictionary<string, double>() };
        IReadOnlyList<OutcomeEvent> batch = [bare, rich, empty, rich, bare];

        var read = serializer.Deserialize<IReadOnlyList<OutcomeEvent>>(serializer.SerializeToArray(batch))!;

        Assert.Equal(batch.Count, read.Count);
        foreach (var (sent, received) in batch.Zip(read))
        {
            Assert.Equal(sent with { Attributes = null, Measures = null }, received with { Attributes = null, Measures = null });
            Assert.Equal(sent.Attributes, received.Attributes);
            Assert.Equal(sent.Measures, received.Measures);
        }
        Assert.NotSame(read[1], read[3]);

        // Map entries travel in pairs: a value left out would shift every key after it, so it is refused instead.
        var broken = bare with { Attributes = new Dictionary<string, string> { ["region"] = null!, ["tier"] = "gold" } };
        var refused = Assert.ThrowsAny<Exception>(() => serializer.SerializeToArray<IReadOnlyList<OutcomeEvent>>([broken]));
        Assert.Contains("has no value", refused.ToString(), StringComparison.Ordinal);
    }
}
