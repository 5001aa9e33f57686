using System.Reflection;
using AiRoi.Domain.Metrics;
using AiRoi.Domain.UseCases;

namespace AiRoi.Domain.Tests;

public class MetricCatalogTests
{
    /// <summary>
    /// The labels of every built-in metric, pinned: keys and labels are stored in use cases and reports, so a
    /// change here must be a deliberate one.
    /// </summary>
    public static TheoryData<string, MetricFamily?, MetricUnit, Aggregation, GoodDirection, MetricRole> Labels => new()
    {
        { "resolutionTimeMean", MetricFamily.ResolutionTime, MetricUnit.Seconds, Aggregation.Mean, GoodDirection.Lower, MetricRole.Process },
        { "resolutionTimeP50", MetricFamily.ResolutionTime, MetricUnit.Seconds, Aggregation.P50, GoodDirection.Lower, MetricRole.Process },
        { "resolutionTimeP90", MetricFamily.ResolutionTime, MetricUnit.Seconds, Aggregation.P90, GoodDirection.Lower, MetricRole.Process },
        { "costPerTask", MetricFamily.CostToServe, MetricUnit.Currency, Aggregation.Mean, GoodDirection.Lower, MetricRole.Output },
        { "humanMinutesPerTask", MetricFamily.CostToServe, MetricUnit.Minutes, Aggregation.Mean, GoodDirection.Lower, MetricRole.Process },
        { "conversionRate", MetricFamily.ConversionLift, MetricUnit.Ratio, Aggregation.Rate, GoodDirection.Higher, MetricRole.Output },
        { "conversionValuePerTask", MetricFamily.ConversionLift, MetricUnit.Currency, Aggregation.Mean, GoodDirection.Higher, MetricRole.Output },
        { "conversionValueTotal", MetricFamily.ConversionLift, MetricUnit.Currency, Aggregation.Sum, GoodDirection.Higher, MetricRole.Output },
        { "resolutionRate", MetricFamily.FirstContactResolution, MetricUnit.Ratio, Aggregation.Rate, GoodDirection.Higher, MetricRole.Output },
        { "fcrRate", MetricFamily.FirstContactResolution, MetricUnit.Ratio, Aggregation.Rate, GoodDirection.Higher, MetricRole.Output },
        { "escalationRate", MetricFamily.FirstContactResolution, MetricUnit.Ratio, Aggregation.Rate, GoodDirection.Lower, MetricRole.Process },
        { "csatMean", MetricFamily.CustomerSatisfaction, MetricUnit.Rating, Aggregation.Mean, GoodDirection.Higher, MetricRole.Output },
        { "csatSatisfiedRate", MetricFamily.CustomerSatisfaction, MetricUnit.Ratio, Aggregation.Rate, GoodDirection.Higher, MetricRole.Output },
        { "nps", MetricFamily.CustomerSatisfaction, MetricUnit.NetPromoterScore, Aggregation.NetPromoter, GoodDirection.Higher, MetricRole.Output },
        { "exceptionRate", MetricFamily.ExceptionRate, MetricUnit.Ratio, Aggregation.Rate, GoodDirection.Lower, MetricRole.Process },
        { "tasksCompleted", null, MetricUnit.Count, Aggregation.Count, GoodDirection.Higher, MetricRole.Output },
    };

    [Theory]
    [MemberData(nameof(Labels))]
    public void Built_in_labels_are_stable(string key, MetricFamily? family, MetricUnit unit, Aggregation aggregation, GoodDirection direction, MetricRole role)
    {
        var metric = MetricCatalog.Find(key);

        Assert.NotNull(metric);
        Assert.Equal((family, unit, aggregation, direction, ValueKind.Value, role),
            (metric.Family, metric.Unit, metric.Aggregation, metric.GoodDirection, metric.Kind, metric.Role));
        Assert.False(string.IsNullOrWhiteSpace(metric.Name));
        Assert.False(string.IsNullOrWhiteSpace(metric.Description));
    }

    [Fact]
    public void Every_built_in_metric_is_pinned_above()
    {
        Assert.Equal(Labels.Select(row => (string)row[0]).Order(), MetricCatalog.BuiltIn.Select(m => m.Key).Order());
    }

    [Fact]
    public void Every_family_has_a_built_in_metric()
    {
        var families = MetricCatalog.BuiltIn.Where(m => m.Family is not null).Select(m => m.Family!.Value).Distinct().Order();

        Assert.Equal(Enum.GetValues<MetricFamily>().Order(), families);
    }

    [Fact]
    public void Built_in_keys_are_unique_identifiers_and_match_the_key_constants()
    {
        var keys = MetricCatalog.BuiltIn.Select(m => m.Key).ToArray();
        var constants = typeof(MetricKeys).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetValue(null)!);

        Assert.All(keys, key => Assert.True(TextFormats.IsIdentifier(key), key));
        Assert.Equal(keys.Length, keys.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Equal(keys.Order(), constants.Order());
    }

    [Fact]
    public void Built_in_aggregations_fit_their_units()
    {
        Assert.All(MetricCatalog.BuiltIn, m =>
        {
            if (m.Aggregation == Aggregation.Rate) Assert.Equal(MetricUnit.Ratio, m.Unit);
            if (m.Aggregation == Aggregation.NetPromoter) Assert.Equal(MetricUnit.NetPromoterScore, m.Unit);
            if (m.Aggregation == Aggregation.Count) Assert.Equal(MetricUnit.Count, m.Unit);
        });
    }

    [Fact]
    public void Find_is_exact()
    {
        Assert.NotNull(MetricCatalog.Find("fcrRate"));
        Assert.Null(MetricCatalog.Find("FcrRate"));
        Assert.Null(MetricCatalog.Find("dealVelocity"));
    }

    [Theory]
    [InlineData("costPerTask", true)]
    [InlineData("COSTPERTASK", true)]
    [InlineData("nps", true)]
    [InlineData("dealVelocity", false)]
    [InlineData("costPerTicket", false)]
    public void Built_in_keys_are_reserved_in_any_case(string name, bool reserved)
    {
        Assert.Equal(reserved, MetricCatalog.IsReserved(name));
    }

    [Fact]
    public void Resolve_prefers_the_built_in_then_finds_custom_metrics_by_exact_name()
    {
        var custom = new[] { MetricTemplates.DealVelocity };

        Assert.Same(MetricCatalog.Find("nps"), MetricCatalog.Resolve("nps", custom));
        Assert.Equal(new MetricDefinition("dealVelocity", "Deal velocity", null, MetricUnit.Days, Aggregation.Mean, GoodDirection.Lower,
            ValueKind.Value, MetricRole.Output, MetricTemplates.DealVelocity.Description!), MetricCatalog.Resolve("dealVelocity", custom));
        Assert.Null(MetricCatalog.Resolve("DealVelocity", custom));
    }

    [Theory]
    [InlineData(UseCaseCategory.CustomerService, "FCR:fcrRate", "CSAT:csatMean", "cost per ticket:costPerTask")]
    [InlineData(UseCaseCategory.Sales, "conversion rate:conversionRate", "deal velocity:dealVelocity", "pipeline value:pipelineValue")]
    [InlineData(UseCaseCategory.Marketing, "lead quality:leadQuality", "campaign performance:campaignPerformance", "CAC:customerAcquisitionCost")]
    [InlineData(UseCaseCategory.Operations, "process time:resolutionTimeMean", "error rate:exceptionRate", "throughput:tasksCompleted")]
    [InlineData(UseCaseCategory.Content, "engagement:engagement", "time saved:timeSaved", "quality rating:qualityRating")]
    [InlineData(UseCaseCategory.Other, "cost per task:costPerTask", "resolution time:resolutionTimeMean", "resolution rate:resolutionRate")]
    public void Category_defaults_follow_the_reference_document(UseCaseCategory category, params string[] expected)
    {
        Assert.Equal(expected, MetricCatalog.DefaultsFor(category).Select(d => $"{d.Label}:{d.MetricKey}"));
    }

    [Theory]
    [MemberData(nameof(Categories))]
    public void Every_category_default_resolves_to_a_built_in_metric_or_a_suggested_template(UseCaseCategory category)
    {
        var defaults = MetricCatalog.DefaultsFor(category);

        Assert.NotEmpty(defaults);
        Assert.All(defaults, d => Assert.True(
            MetricCatalog.Find(d.MetricKey) is not null ^ MetricTemplates.Suggested.Any(t => t.Name == d.MetricKey),
            $"{category}: {d.MetricKey} must be exactly one of built-in or suggested template"));
    }

    [Theory]
    [MemberData(nameof(Categories))]
    public void A_use_case_built_from_its_category_defaults_is_valid(UseCaseCategory category)
    {
        var keys = MetricCatalog.DefaultsFor(category).Select(d => d.MetricKey).ToArray();
        var useCase = new UseCase("new-use-case", "New use case", category, new UnitEconomics(40m, 100m, []), keys[0])
        {
            GuardrailMetrics = keys[1..],
            CustomMetrics = keys.Select(MetricTemplates.Find).OfType<CustomMetricDefinition>().ToArray(),
        };

        Expect.Valid(UseCaseValidator.Validate(useCase));
    }

    [Fact]
    public void An_unknown_category_has_no_defaults() => Assert.Empty(MetricCatalog.DefaultsFor((UseCaseCategory)42));

    public static TheoryData<UseCaseCategory> Categories => new(Enum.GetValues<UseCaseCategory>());
}
