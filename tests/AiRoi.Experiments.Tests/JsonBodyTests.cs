using System.Text;
using AiRoi.Experiments.Analysis;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace AiRoi.Experiments.Tests;

/// <summary>
/// Bodies that do not bind (not JSON, wrong types, unknown strings or fields) are problem details naming the JSON
/// path, through the same handler the endpoint maps. No server: the request is an in-memory HttpContext.
/// </summary>
public class JsonBodyTests
{
    private const string Valid =
        """{"metricType": "proportion", "method": "frequentist", "relativeInterval": "delta-method", "variants": [{"name": "control", "n": 28, "conversions": 14}, {"name": "treatment", "n": 30, "conversions": 16}]}""";

    private static HttpRequest Post(string body, string? contentType = "application/json")
    {
        var context = new DefaultHttpContext();
        context.Request.Method = HttpMethods.Post;
        context.Request.ContentType = contentType;
        context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(body));
        return context.Request;
    }

    private static Task<Results<Ok<MetricAnalysisResponse>, ProblemHttpResult>> Analyze(string body, string? contentType = "application/json") =>
        Handled.AnsweringAsync(() => AnalysisApi.AnalyzeMetricAsync(Post(body, contentType), Options.Create(new JsonOptions()), CancellationToken.None));

    [Fact]
    public async Task A_valid_body_is_analysed()
    {
        var lift = Assert.Single(Answer.Ok(await Analyze(Valid)).Results);

        Answer.Close(0.06667, lift.Estimate);
        Answer.Close(0.80707, lift.PValue);
    }

    [Theory]
    [InlineData("""{"metricType": "proportion", "variants": [{"name": "control", "n": 28,, }]}""", "variants[0]")]
    [InlineData("""{"metricType": "proportion",""", "$")]
    [InlineData("", "$")]
    [InlineData("""{"metricType": "proportion", "alpha": NaN}""", "alpha")]
    public async Task Text_that_is_not_json_is_malformed_json_at_its_path(string body, string field)
    {
        var problem = Answer.RequestProblem(await Analyze(body), "malformed-json", field);

        Assert.Contains("line 1", problem.ProblemDetails.Detail);
    }

    [Theory]
    [InlineData("""{"variants": [{"n": "28"}]}""", "variants[0].n", "a whole number")]
    [InlineData("""{"variants": [{"n": 28.5}]}""", "variants[0].n", "a whole number")]
    [InlineData("""{"variants": [{"name": 7}]}""", "variants[0].name", "a string")]
    [InlineData("""{"variants": {}}""", "variants", "an array")]
    [InlineData("""{"alpha": "0.05"}""", "alpha", "a number")]
    [InlineData("""{"expectedWeights": [0.5, null]}""", "expectedWeights[1]", "a number")]
    [InlineData("""{"prior": 0.3}""", "prior", "an object")]
    [InlineData("""[1, 2]""", "$", "an object")]
    public async Task A_value_of_the_wrong_json_type_is_named(string body, string field, string expected)
    {
        var problem = Answer.RequestProblem(await Analyze(body), "invalid-value", field);

        Assert.Contains(expected, problem.ProblemDetails.Detail);
    }

    [Fact]
    public async Task A_null_body_is_refused() =>
        Answer.RequestProblem(await Analyze("null"), "invalid-value", "$");

    [Theory]
    [InlineData("""{"method": "magic"}""", "method", "frequentist, sequential, bayesian")]
    [InlineData("""{"method": 1}""", "method", "frequentist, sequential, bayesian")]
    [InlineData("""{"metricType": "funnel"}""", "metricType", "proportion, mean, ratio")]
    [InlineData("""{"difference": "percent"}""", "difference", "relative, absolute")]
    public async Task An_unknown_string_lists_the_allowed_values(string body, string field, string allowed)
    {
        var problem = Answer.RequestProblem(await Analyze(body), "unknown-value", field);

        Assert.Contains(allowed, problem.ProblemDetails.Detail);
    }

    [Theory]
    [InlineData("""{"variants": [{"name": "control", "n": 28, "conversion": 14}]}""", "variants[0].conversion")]
    [InlineData("""{"metricType": "proportion", "alfa": 0.1}""", "alfa")]
    [InlineData("""{"prior": {"mean": 0, "sd": 0.3}}""", "prior.sd")]
    public async Task An_unknown_field_is_refused_rather_than_ignored(string body, string field) =>
        Answer.RequestProblem(await Analyze(body), "unknown-field", field);

    [Theory]
    [InlineData(null)]
    [InlineData("text/plain")]
    public async Task A_body_not_sent_as_json_is_unsupported(string? contentType) =>
        Answer.RequestProblem(await Analyze(Valid, contentType), "unsupported-media-type", "$", status: 415);

    [Fact]
    public async Task Conversions_above_n_in_raw_json_name_the_variant()
    {
        var body = Valid.Replace("\"conversions\": 16", "\"conversions\": 31", StringComparison.Ordinal);

        Answer.Problem(await Analyze(body), "out-of-range", "variants[1].conversions");
    }

    [Fact]
    public async Task Adjustment_bodies_are_read_the_same_way()
    {
        var options = Options.Create(new JsonOptions());

        var adjusted = Answer.Ok(await Handled.AnsweringAsync(() => AnalysisApi.AdjustPValuesAsync(
            Post("""{"method": "benjamini-hochberg", "pValues": [0.01, 0.04]}"""), options, CancellationToken.None)));
        Answer.RequestProblem(
            await Handled.AnsweringAsync(() => AnalysisApi.AdjustPValuesAsync(Post("""{"method": "bonferroni", "pValues": [0.01]}"""), options, CancellationToken.None)),
            "unknown-value",
            "method");
        Answer.RequestProblem(
            await Handled.AnsweringAsync(() => AnalysisApi.AdjustPValuesAsync(Post("""{"method": "holm", "pValues": [0.01, null]}"""), options, CancellationToken.None)),
            "invalid-value",
            "pValues[1]");

        // Two p-values: the smaller is doubled, and step-up keeps it below the larger.
        Assert.Equal([0.02, 0.04], adjusted.Adjusted);
    }
}
