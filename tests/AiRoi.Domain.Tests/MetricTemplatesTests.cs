using AiRoi.Domain.Metrics;

namespace AiRoi.Domain.Tests;

public class MetricTemplatesTests
{
    [Fact]
    public void The_vanity_examples_are_the_six_of_the_reference_document()
    {
        Assert.Equal(
            ["modelAccuracy", "responseQualityScore", "promptsSubmitted", "activeUsers", "featureAdoption", "confidenceScore"],
            MetricTemplates.VanityExamples.Select(t => t.Name));
    }

    [Fact]
    public void Vanity_templates_are_never_value_and_never_output()
    {
        Assert.All(MetricTemplates.VanityExamples, t =>
        {
            Assert.Equal(ValueKind.Vanity, t.Kind);
            Assert.Equal(MetricRole.Process, t.Role);
        });
    }

    [Fact]
    public void Suggested_templates_are_value_output_metrics_with_names_free_of_built_in_keys()
    {
        Assert.All(MetricTemplates.Suggested, t =>
        {
            Assert.Equal((ValueKind.Value, MetricRole.Output), (t.Kind, t.Role));
            Assert.True(TextFormats.IsIdentifier(t.Name), t.Name);
            Assert.False(MetricCatalog.IsReserved(t.Name), t.Name);
            Assert.False(MetricTemplates.IsVanityName(t.Name), t.Name);
            Assert.False(string.IsNullOrWhiteSpace(t.Description), t.Name);
        });
    }

    [Theory]
    [InlineData("dealVelocity", MetricUnit.Days, Aggregation.Mean, GoodDirection.Lower)]
    [InlineData("pipelineValue", MetricUnit.Currency, Aggregation.Sum, GoodDirection.Higher)]
    [InlineData("leadQuality", MetricUnit.Ratio, Aggregation.Rate, GoodDirection.Higher)]
    [InlineData("campaignPerformance", MetricUnit.Ratio, Aggregation.Rate, GoodDirection.Higher)]
    [InlineData("customerAcquisitionCost", MetricUnit.Currency, Aggregation.Mean, GoodDirection.Lower)]
    [InlineData("timeSaved", MetricUnit.Minutes, Aggregation.Sum, GoodDirection.Higher)]
    [InlineData("engagement", MetricUnit.Ratio, Aggregation.Rate, GoodDirection.Higher)]
    [InlineData("qualityRating", MetricUnit.Rating, Aggregation.Mean, GoodDirection.Higher)]
    [InlineData("modelAccuracy", MetricUnit.Ratio, Aggregation.Mean, GoodDirection.Higher)]
    [InlineData("responseQualityScore", MetricUnit.Score, Aggregation.Mean, GoodDirection.Higher)]
    [InlineData("promptsSubmitted", MetricUnit.Count, Aggregation.Sum, GoodDirection.Higher)]
    [InlineData("activeUsers", MetricUnit.Count, Aggregation.Mean, GoodDirection.Higher)]
    [InlineData("featureAdoption", MetricUnit.Ratio, Aggregation.Rate, GoodDirection.Higher)]
    [InlineData("confidenceScore", MetricUnit.Ratio, Aggregation.Mean, GoodDirection.Higher)]
    public void Template_units_and_aggregations_are_stable(string name, MetricUnit unit, Aggregation aggregation, GoodDirection direction)
    {
        var template = MetricTemplates.Find(name);

        Assert.NotNull(template);
        Assert.Equal((unit, aggregation, direction), (template.Unit, template.Aggregation, template.GoodDirection));
    }

    [Theory]
    [InlineData("modelAccuracy", true)]
    [InlineData("ModelAccuracy", true)]
    [InlineData("CONFIDENCESCORE", true)]
    [InlineData("qualityRating", false)]
    [InlineData("csatMean", false)]
    public void Vanity_names_are_recognized_in_any_case(string name, bool vanity)
    {
        Assert.Equal(vanity, MetricTemplates.IsVanityName(name));
    }

    [Fact]
    public void Find_knows_only_templates()
    {
        Assert.Same(MetricTemplates.QualityRating, MetricTemplates.Find("qualityRating"));
        Assert.Null(MetricTemplates.Find("fcrRate"));
    }
}
