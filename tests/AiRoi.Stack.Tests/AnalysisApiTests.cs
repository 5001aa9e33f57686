using System.Net;
using System.Text;
using System.Text.Json;
using Aspire.Hosting.Testing;

namespace AiRoi.Stack.Tests;

/// <summary>
/// The analysis API of the running experiment service, called as a client would: raw JSON bodies over HTTP. The
/// expected numbers are the published reference cases in docs/statistics-oracles.md (5 decimals).
/// </summary>
[Collection(StackCollection.Name)]
public sealed class AnalysisApiTests(StackFixture stack)
{
    private const int Decimals = 5;
    // Bodies that do not bind answer the shared types (malformed-json); the analysis rules their own (analysis/…).
    private const string ProblemPrefix = "https://airoi.dev/problems/";

    [Fact]
    public async Task Frequentist_proportion_matches_the_reference_over_http()
    {
        var (status, body) = await PostAsync("/api/v1/analysis", """
            {"metricType": "proportion", "method": "frequentist", "difference": "relative", "relativeInterval": "delta-method", "alpha": 0.05,
             "variants": [{"name": "control", "n": 28, "conversions": 14}, {"name": "treatment", "n": 30, "conversions": 16}]}
            """);

        Assert.Equal(HttpStatusCode.OK, status);
        var result = Assert.Single(body.GetProperty("results").EnumerateArray());
        Assert.Equal("treatment", result.GetProperty("variant").GetString());
        Assert.Equal(0.06667, result.GetProperty("estimate").GetDouble(), Decimals);
        Assert.Equal(0.2717, result.GetProperty("standardError").GetDouble(), Decimals);
        Assert.Equal(-0.47767, result.GetProperty("ciLower").GetDouble(), Decimals);
        Assert.Equal(0.61101, result.GetProperty("ciUpper").GetDouble(), Decimals);
        Assert.Equal(0.80707, result.GetProperty("pValue").GetDouble(), Decimals);
        Assert.Equal(JsonValueKind.Null, result.GetProperty("chanceToWin").ValueKind);
        Assert.Equal(JsonValueKind.Null, result.GetProperty("risk").ValueKind);
        Assert.False(body.GetProperty("srm").GetProperty("mismatch").GetBoolean());
    }

    [Fact]
    public async Task Sequential_proportion_matches_the_reference_over_http()
    {
        var (status, body) = await PostAsync("/api/v1/analysis", """
            {"metricType": "proportion", "method": "sequential", "sequentialTuning": 5000,
             "variants": [{"name": "control", "n": 3000, "conversions": 1396}, {"name": "treatment", "n": 3461, "conversions": 2422}]}
            """);

        Assert.Equal(HttpStatusCode.OK, status);
        var result = Assert.Single(body.GetProperty("results").EnumerateArray());
        Assert.Equal(0.50386, result.GetProperty("estimate").GetDouble(), Decimals);
        Assert.Equal(0.03386, result.GetProperty("standardError").GetDouble(), Decimals);
        Assert.Equal(0.40098, result.GetProperty("ciLower").GetDouble(), Decimals);
        Assert.Equal(0.60675, result.GetProperty("ciUpper").GetDouble(), Decimals);
    }

    [Fact]
    public async Task Bayesian_proportion_matches_the_reference_over_http()
    {
        var (status, body) = await PostAsync("/api/v1/analysis", """
            {"metricType": "proportion", "method": "bayesian",
             "variants": [{"name": "control", "n": 100, "conversions": 49}, {"name": "treatment", "n": 100, "conversions": 51}]}
            """);

        Assert.Equal(HttpStatusCode.OK, status);
        var result = Assert.Single(body.GetProperty("results").EnumerateArray());
        Assert.Equal(0.04082, result.GetProperty("estimate").GetDouble(), Decimals);
        Assert.Equal(-0.24779, result.GetProperty("ciLower").GetDouble(), Decimals);
        Assert.Equal(0.32943, result.GetProperty("ciUpper").GetDouble(), Decimals);
        Assert.Equal(0.60918, result.GetProperty("chanceToWin").GetDouble(), Decimals);
        Assert.Equal(0.04058, result.GetProperty("risk").GetDouble(), Decimals);
        Assert.Equal(0.0814, result.GetProperty("riskControl").GetDouble(), Decimals);
        Assert.Equal(JsonValueKind.Null, result.GetProperty("pValue").ValueKind);
    }

    [Fact]
    public async Task Cuped_mean_matches_the_reference_over_http()
    {
        var (status, body) = await PostAsync("/api/v1/analysis", """
            {"metricType": "mean", "method": "sequential",
             "variants": [
               {"name": "control", "n": 3000, "sum": 1396.87, "sumSquares": 52377.9767, "preSum": 16.87, "preSumSquares": 527.9767, "sumProducts": 1},
               {"name": "treatment", "n": 3461, "sum": 2422.7, "sumSquares": 134698.29, "preSum": 22.7, "preSumSquares": 1348.29, "sumProducts": 1}]}
            """);

        Assert.Equal(HttpStatusCode.OK, status);
        var result = Assert.Single(body.GetProperty("results").EnumerateArray());
        Assert.Equal(0.50338, result.GetProperty("estimate").GetDouble(), Decimals);
        Assert.Equal(0.33341, result.GetProperty("standardError").GetDouble(), Decimals);
        Assert.Equal(-0.50969, result.GetProperty("ciLower").GetDouble(), Decimals);
        Assert.Equal(1.51646, result.GetProperty("ciUpper").GetDouble(), Decimals);
    }

    [Theory]
    [InlineData("holm", "[0.01, 0.04, 0.03, 0.005, 0.55, 0.6]", new[] { 0.05, 0.12, 0.12, 0.03, 1, 1 })]
    [InlineData("benjamini-hochberg", "[0.898, 0.138, 0.007, 0.964, 0.538, 0.006, 0.138]", new[] { 0.964, 0.2415, 0.0245, 0.964, 0.7532, 0.0245, 0.2415 })]
    public async Task Adjustment_matches_the_reference_in_input_order(string method, string pValues, double[] expected)
    {
        var (status, body) = await PostAsync("/api/v1/analysis/adjust", $$"""{"method": "{{method}}", "pValues": {{pValues}}}""");

        Assert.Equal(HttpStatusCode.OK, status);
        var adjusted = body.GetProperty("adjusted").EnumerateArray().Select(p => p.GetDouble()).ToArray();
        Assert.Equal(expected.Length, adjusted.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], adjusted[i], Decimals);
        }
    }

    [Theory]
    [InlineData("""{"metricType": "proportion", "method": "frequentist", "variants": [{"name": "control", "n": 28,, }]}""", "malformed-json", "variants[0]")]
    [InlineData("""{"metricType": "proportion", "method": "frequentist", "variants": [{"name": "control", "n": "28"}]}""", "invalid-value", "variants[0].n")]
    [InlineData("""{"metricType": "proportion", "method": "magic", "variants": []}""", "unknown-value", "method")]
    [InlineData("""{"metricType": "proportion", "method": "frequentist", "variants": [{"name": "control", "n": 28, "conversions": 14}]}""", "analysis/too-few-variants", "variants")]
    [InlineData(
        """{"metricType": "proportion", "method": "frequentist", "variants": [{"name": "control", "n": 28, "conversions": 14}, {"name": "treatment", "n": 30, "conversions": 31}]}""",
        "analysis/out-of-range",
        "variants[1].conversions")]
    [InlineData("""{"metricType": "mean", "method": "frequentist", "variants": [{"name": "control", "n": 28, "conversions": 14}]}""", "analysis/not-applicable", "variants[0].conversions")]
    [InlineData("""{"method": "holm", "pValues": [0.1, 1.5]}""", "analysis/out-of-range", "pValues[1]", "/api/v1/analysis/adjust")]
    public async Task Bad_input_is_a_400_problem_detail_naming_the_field(string json, string problem, string field, string path = "/api/v1/analysis")
    {
        var (status, body, contentType) = await PostRawAsync(path, json);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("application/problem+json", contentType);
        Assert.Equal(ProblemPrefix + problem, body.GetProperty("type").GetString());
        Assert.Equal(400, body.GetProperty("status").GetInt32());
        Assert.Equal(field, body.GetProperty("field").GetString());
        Assert.True(body.GetProperty("errors").TryGetProperty(field, out _));
        Assert.False(string.IsNullOrWhiteSpace(body.GetProperty("detail").GetString()));
    }

    [Theory]
    [InlineData("""{"metricType": "proportion", "method": "bayesian", "alpha": 1e-20, "variants": [{"name": "c", "n": 28, "conversions": 14}, {"name": "t", "n": 30, "conversions": 16}]}""")]
    [InlineData("""{"metricType": "proportion", "method": "sequential", "sequentialTuning": 5e-324, "variants": [{"name": "c", "n": 28, "conversions": 14}, {"name": "t", "n": 30, "conversions": 16}]}""")]
    [InlineData("""{"metricType": "proportion", "method": "frequentist", "difference": "absolute", "variants": [{"name": "c", "n": 28, "conversions": 0}, {"name": "t", "n": 30, "conversions": 0}]}""")]
    [InlineData("""{"metricType": "mean", "method": "frequentist", "variants": [{"name": "c", "n": 10, "sum": 1e300, "sumSquares": 1e300}, {"name": "t", "n": 10, "sum": 5, "sumSquares": 10}]}""")]
    public async Task Inputs_that_would_give_nan_or_infinity_get_a_problem_detail_instead(string json)
    {
        var (status, text, contentType) = await PostTextAsync("/api/v1/analysis", json);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("application/problem+json", contentType);
        Assert.DoesNotContain("NaN", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Infinity", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_key_the_analysis_is_rate_limited_per_address_and_a_key_lifts_the_limit()
    {
        const string json = """{"metricType": "proportion", "method": "frequentist", "variants": [{"name": "control", "n": 1000, "conversions": 100}, {"name": "b", "n": 1000, "conversions": 120}]}""";
        using var client = stack.App.CreateHttpClient("experiments", "http");

        var burst = new List<HttpResponseMessage>();
        for (var i = 0; i < StackFixture.AnalysisCallsWithoutKey + 10; i++)
        {
            burst.Add(await client.PostAsync("/api/v1/analysis", new StringContent(json, Encoding.UTF8, "application/json")));
        }
        var limited = burst.Where(response => response.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        var withKey = await StackHttp.SendAsync(stack, "experiments", HttpMethod.Post, "/api/v1/analysis", System.Text.Json.Nodes.JsonNode.Parse(json));

        Assert.InRange(limited.Count, 10, StackFixture.AnalysisCallsWithoutKey + 10);
        Assert.All(burst.Where(response => response.StatusCode != HttpStatusCode.TooManyRequests), response => Assert.Equal(HttpStatusCode.OK, response.StatusCode));
        Assert.Equal("application/problem+json", limited[0].Content.Headers.ContentType?.MediaType);
        Assert.Contains("too-many-requests", await limited[0].Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(limited[0].Headers.RetryAfter is not null, "429 without Retry-After");
        Assert.Equal(HttpStatusCode.OK, withKey.Status);

        // The window passes and the address is served again.
        await Task.Delay(TimeSpan.FromSeconds(5.5));
        using var again = await client.PostAsync("/api/v1/analysis", new StringContent(json, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        burst.ForEach(response => response.Dispose());
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(string path, string json)
    {
        var (status, body, _) = await PostRawAsync(path, json);
        return (status, body);
    }

    private async Task<(HttpStatusCode Status, JsonElement Body, string? ContentType)> PostRawAsync(string path, string json)
    {
        var (status, text, contentType) = await PostTextAsync(path, json);

        // A NaN or an infinity would not even be valid JSON; no answer may contain one.
        Assert.DoesNotContain("NaN", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Infinity", text, StringComparison.Ordinal);
        return (status, JsonDocument.Parse(text).RootElement.Clone(), contentType);
    }

    private async Task<(HttpStatusCode Status, string Text, string? ContentType)> PostTextAsync(string path, string json)
    {
        using var client = stack.App.CreateHttpClient("experiments", "http");
        using var timeout = new CancellationTokenSource(StackFixture.CallTimeout);
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await client.PostAsync(path, content, timeout.Token);
        var text = await response.Content.ReadAsStringAsync(timeout.Token);
        return (response.StatusCode, text, response.Content.Headers.ContentType?.MediaType);
    }
}
