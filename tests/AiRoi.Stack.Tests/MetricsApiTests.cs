using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Aspire.Hosting.Testing;

namespace AiRoi.Stack.Tests;

/// <summary>
/// The metrics API over the whole stack: events in through ingestion, reports, baselines, annotations, reviews and
/// the portfolio out of the metrics service, with hand-worked figures; and every bad request a named problem.
/// </summary>
[Collection(StackCollection.Name)]
public sealed class MetricsApiTests(StackFixture stack)
{
    /// <summary>
    /// A use case live from 2026-09-01 with fixed costs of 20 a month and an implementation cost of 64; before
    /// go-live four human tasks in August costing 10, 12, 14, 16; after it four AI tasks in October costing 3, 3, 5, 5.
    /// </summary>
    private async Task<(string Id, string Owner)> BeforeAndAfterAsync()
    {
        var id = $"metrics-{Guid.NewGuid():N}"[..30];
        var owner = $"{Guid.NewGuid():N}@example.com";
        var useCase = new JsonObject
        {
            ["id"] = id,
            ["name"] = "EMEA support chatbot",
            ["category"] = "customer-service",
            ["businessOwner"] = new JsonObject { ["name"] = "Ana Silva", ["email"] = owner },
            ["aiGoLiveDate"] = "2026-09-01",
            ["unitEconomics"] = new JsonObject
            {
                ["loadedHumanCostPerHour"] = 60, ["valuePerConversion"] = 100, ["implementationCost"] = 64,
                ["fixedMonthlyCosts"] = new JsonArray(new JsonObject { ["name"] = "LLM platform", ["amount"] = 20 }),
            },
            ["primaryMetric"] = "costPerTask",
            ["guardrailMetrics"] = new JsonArray("csatMean"),
            ["targets"] = new JsonArray(new JsonObject { ["metricKey"] = "costPerTask", ["direction"] = "at-most", ["value"] = 5, ["dueDate"] = "2026-12-31" }),
        };
        var created = await SendAsync("metrics", HttpMethod.Post, "/api/v1/use-cases", useCase);
        Assert.Equal(HttpStatusCode.Created, created.Status);

        var events = new JsonArray();
        foreach (var (cost, i) in new[] { 10, 12, 14, 16 }.Select((cost, i) => (cost, i)))
        {
            events.Add(Event(id, $"before-{i}", "2026-08-10", "human", 1200, cost: ("humanCost", cost), csat: 4, complexity: i < 2 ? "low" : "high"));
        }
        foreach (var (cost, i) in new[] { 3, 3, 5, 5 }.Select((cost, i) => (cost, i)))
        {
            events.Add(Event(id, $"after-{i}", "2026-10-12", "ai", 600, cost: ("aiCost", cost), csat: 5, complexity: i < 2 ? "low" : "high"));
        }
        var ingested = await SendAsync("ingestion", HttpMethod.Post, "/api/v1/events", new JsonObject { ["events"] = events });
        Assert.Equal(HttpStatusCode.OK, ingested.Status);
        Assert.Equal(8, ingested.Body["accepted"]!.GetValue<int>());
        return (id, owner);
    }

    private static JsonObject Event(string useCase, string id, string day, string handler, int seconds, (string Field, int Amount) cost, int csat, string complexity)
    {
        var completed = DateTimeOffset.Parse($"{day}T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        return new JsonObject
        {
            ["eventId"] = id,
            ["useCaseId"] = useCase,
            ["startedAt"] = completed.AddSeconds(-seconds).ToString("O"),
            ["completedAt"] = completed.ToString("O"),
            ["handler"] = handler,
            ["resolved"] = true,
            ["csat"] = csat,
            [cost.Field] = cost.Amount,
            ["attributes"] = new JsonObject { ["complexity"] = complexity },
        };
    }

    [Fact]
    public async Task A_metric_series_by_month_and_by_handler_has_the_hand_worked_values()
    {
        var (id, _) = await BeforeAndAfterAsync();

        var monthly = await SendAsync("metrics", HttpMethod.Get, $"/api/v1/use-cases/{id}/metrics/costPerTask?granularity=month&from=2026-08-01&to=2026-10-31");
        Assert.Equal(HttpStatusCode.OK, monthly.Status);
        var points = monthly.Array[0]!["points"]!.AsArray();
        Assert.Equal(["2026-08-01", "2026-10-01"], points.Select(p => p!["periodStart"]!.GetValue<string>()));
        Assert.Equal([13.0, 4.0], points.Select(p => p!["value"]!.GetValue<double>()));

        var byHandler = await SendAsync("metrics", HttpMethod.Get, $"/api/v1/use-cases/{id}/metrics/resolutionTimeMean?granularity=month&from=2026-08-01&to=2026-10-31&by=handler");
        Assert.Equal(["ai", "human"], byHandler.Array.Select(series => series!["group"]!.GetValue<string>()));
        Assert.Equal([600.0, 1200.0], byHandler.Array.Select(series => series!["overall"]!["value"]!.GetValue<double>()));

        var segment = await SendAsync("metrics", HttpMethod.Get, $"/api/v1/use-cases/{id}/metrics/costPerTask?granularity=month&from=2026-08-01&to=2026-10-31&segment=complexity:high");
        Assert.Equal(15.0, segment.Array[0]!["points"]![0]!["value"]!.GetValue<double>()); // (14 + 16) / 2
    }

    [Fact]
    public async Task A_measured_baseline_feeds_roi_kpi_tiles_and_the_portfolio()
    {
        var (id, owner) = await BeforeAndAfterAsync();

        var baseline = await SendAsync("metrics", HttpMethod.Post, $"/api/v1/use-cases/{id}/baselines",
            new JsonObject { ["metricKey"] = "costPerTask", ["method"] = "before-go-live" });
        Assert.Equal(HttpStatusCode.Created, baseline.Status);
        Assert.Equal(13.0, baseline.Body["value"]!.GetValue<double>());
        Assert.Equal(1, baseline.Body["version"]!.GetValue<int>());
        Assert.Equal("before-go-live", baseline.Body["method"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(baseline.Body["createdBy"]!.GetValue<string>()));

        var roi = await SendAsync("metrics", HttpMethod.Get, $"/api/v1/use-cases/{id}/roi?granularity=month&from=2026-10-01&to=2026-10-31");
        var october = roi.Body["periods"]!.AsArray().Single()!;
        Assert.Equal(36.0, october["savings"]!["value"]!.GetValue<double>(), 9);   // (13 − 4) × 4
        Assert.Equal(20.0, october["fixedCosts"]!.GetValue<double>(), 9);
        Assert.Equal(0.8, october["roi"]!["value"]!.GetValue<double>(), 9);        // (36 − 20) / 20
        Assert.Equal(4.0, october["paybackMonths"]!.GetValue<double>(), 9);       // 64 / 16
        Assert.Equal(1, october["baselineVersions"]!["costPerTask"]!.GetValue<int>());

        var tiles = await SendAsync("metrics", HttpMethod.Get, $"/api/v1/use-cases/{id}/metrics?keyOnly=true&asOf=2026-10-31");
        var cost = tiles.Array.Single(tile => tile!["metric"]!["key"]!.GetValue<string>() == "costPerTask")!;
        Assert.Equal(4.0, cost["current"]!["value"]!.GetValue<double>());
        Assert.Equal(-9.0, cost["change"]!.GetValue<double>());
        Assert.True(cost["improved"]!.GetValue<bool>());
        Assert.Equal("met", cost["targets"]![0]!["status"]!.GetValue<string>()); // at most 5, and 4 now

        var portfolio = await SendAsync("metrics", HttpMethod.Get, $"/api/v1/portfolio?asOf=2026-10-31&category=customer-service&owner={owner}&sort=roi&order=desc");
        Assert.Equal(HttpStatusCode.OK, portfolio.Status);
        var row = portfolio.Body["useCases"]!.AsArray().Single()!;
        Assert.Equal(id, row["id"]!.GetValue<string>());
        // The last 90 days from go-live: September and October, fixed costs 40, savings 36, net −4.
        Assert.Equal(-4.0, row["roi"]!["netBenefit"]!["value"]!.GetValue<double>(), 9);
        Assert.Equal(-0.1, portfolio.Body["totals"]!["roi"]!["value"]!.GetValue<double>(), 9);
        Assert.Contains("no-baseline", row["health"]!.AsArray().Select(flag => flag!.GetValue<string>())); // csatMean has none
        Assert.Equal(1, portfolio.Body["health"]!["no-baseline"]!.GetValue<int>());
    }

    [Fact]
    public async Task Kpi_tiles_and_the_portfolio_read_over_a_chosen_period_and_the_period_before()
    {
        var (id, owner) = await BeforeAndAfterAsync();
        await SendAsync("metrics", HttpMethod.Post, $"/api/v1/use-cases/{id}/baselines", new JsonObject { ["metricKey"] = "costPerTask", ["method"] = "before-go-live" });

        // August (before go-live, human tasks at 13 on average) and October (AI tasks at 4), each read as a period.
        var august = await SendAsync("metrics", HttpMethod.Get, $"/api/v1/use-cases/{id}/metrics?keyOnly=true&from=2026-08-01&to=2026-08-31");
        var october = await SendAsync("metrics", HttpMethod.Get, $"/api/v1/use-cases/{id}/metrics?keyOnly=true&from=2026-10-01&to=2026-10-31");
        double Cost(StackAnswer tiles) => tiles.Array.Single(tile => tile!["metric"]!["key"]!.GetValue<string>() == "costPerTask")!["current"]!["value"]!.GetValue<double>();
        Assert.Equal(13.0, Cost(august), 9);
        Assert.Equal(4.0, Cost(october), 9);
        // The usual 28 days up to 2026-10-31 hold the October tasks too; up to 2026-09-30 they hold nothing.
        var quiet = await SendAsync("metrics", HttpMethod.Get, $"/api/v1/use-cases/{id}/metrics?keyOnly=true&asOf=2026-09-30");
        Assert.Null(quiet.Array.Single(tile => tile!["metric"]!["key"]!.GetValue<string>() == "costPerTask")!["current"]!["value"]);

        // The portfolio over October alone: fixed costs for 31 days, savings 36.
        var portfolio = await SendAsync("metrics", HttpMethod.Get, $"/api/v1/portfolio?owner={owner}&from=2026-10-01&to=2026-10-31");
        Assert.Equal(HttpStatusCode.OK, portfolio.Status);
        var row = portfolio.Body["useCases"]!.AsArray().Single()!;
        Assert.Equal(36.0, row["roi"]!["savings"]!["value"]!.GetValue<double>(), 9);
        Assert.Equal(20.0, row["roi"]!["fixedCosts"]!.GetValue<double>(), 9);
        Assert.Equal(4.0, row["keyMetrics"]!.AsArray().Single(metric => metric!["key"]!.GetValue<string>() == "costPerTask")!["value"]!.GetValue<double>(), 9);
        // The period before (August) ends before go-live: no ROI, and the reason says so.
        var before = await SendAsync("metrics", HttpMethod.Get, $"/api/v1/portfolio?owner={owner}&from=2026-08-01&to=2026-08-31");
        var earlier = before.Body["useCases"]!.AsArray().Single()!;
        Assert.Null(earlier["roi"]);
        Assert.Contains("Not live yet", earlier["noRoiReason"]!.GetValue<string>(), StringComparison.Ordinal);

        // Month by month: the portfolio of this one owner's use case is its own ROI report, period for period.
        var overTime = await SendAsync("metrics", HttpMethod.Get, $"/api/v1/portfolio/over-time?owner={owner}&from=2026-08-01&to=2026-10-31");
        Assert.Equal(HttpStatusCode.OK, overTime.Status);
        var own = await SendAsync("metrics", HttpMethod.Get, $"/api/v1/use-cases/{id}/roi?granularity=month&from=2026-08-01&to=2026-10-31");
        var months = overTime.Body["periods"]!.AsArray();
        Assert.Equal(own.Body["periods"]!.AsArray().Select(period => period!["periodStart"]!.GetValue<string>()), months.Select(period => period!["periodStart"]!.GetValue<string>()));
        var octoberTotals = months.Single(period => period!["periodStart"]!.GetValue<string>() == "2026-10-01")!["totals"]!;
        Assert.Equal(36.0, octoberTotals["savings"]!["value"]!.GetValue<double>(), 9);
        Assert.Equal(16.0, octoberTotals["netBenefit"]!["value"]!.GetValue<double>(), 9);
        Assert.Equal(0.8, octoberTotals["roi"]!["value"]!.GetValue<double>(), 9);
        var nobody = await SendAsync("metrics", HttpMethod.Get, $"/api/v1/portfolio/over-time?owner=nobody-{Guid.NewGuid():N}");
        Assert.Empty(nobody.Body["periods"]!.AsArray());
        Assert.Equal("granularity", (await SendAsync("metrics", HttpMethod.Get, "/api/v1/portfolio/over-time?granularity=week")).Body["field"]!.GetValue<string>());

        var backwards = await SendAsync("metrics", HttpMethod.Get, $"/api/v1/portfolio?owner={owner}&from=2026-10-31&to=2026-10-01");
        Assert.Equal(HttpStatusCode.BadRequest, backwards.Status);
        Assert.Equal("from", backwards.Body["field"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_ai_human_comparison_and_the_health_report_answer_from_the_grain()
    {
        var (id, _) = await BeforeAndAfterAsync();

        var comparison = await SendAsync("metrics", HttpMethod.Get, $"/api/v1/use-cases/{id}/comparison?metric=csatMean&stratifyBy=complexity&from=2026-08-01&to=2026-10-31");
        Assert.Equal(HttpStatusCode.OK, comparison.Status);
        Assert.Equal(1.0, comparison.Body["comparison"]!["raw"]!["difference"]!.GetValue<double>(), 9);        // 5 − 4
        Assert.Equal(1.0, comparison.Body["comparison"]!["stratified"]!["difference"]!.GetValue<double>(), 9);
        Assert.Equal(2, comparison.Body["comparison"]!["strata"]!.AsArray().Count);

        var health = await SendAsync("metrics", HttpMethod.Get, $"/api/v1/use-cases/{id}/health?asOf=2026-12-20");
        var measuringOnce = health.Body["findings"]!.AsArray().Single(f => f!["check"]!.GetValue<string>() == "measuring-once")!;
        Assert.Equal("69", measuringOnce["evidence"]!["daysWithoutEvents"]!.GetValue<string>()); // October 12 to December 20
    }

    [Fact]
    public async Task Annotations_and_reviews_are_kept_and_read_back()
    {
        var (id, _) = await BeforeAndAfterAsync();

        var annotation = await SendAsync("metrics", HttpMethod.Post, $"/api/v1/use-cases/{id}/annotations",
            new JsonObject { ["date"] = "2026-10-01", ["kind"] = "prompt-change", ["title"] = "Prompt v4", ["note"] = "Shorter answers" });
        Assert.Equal(HttpStatusCode.Created, annotation.Status);
        var annotationId = annotation.Body["id"]!.GetValue<long>();
        var list = await SendAsync("metrics", HttpMethod.Get, $"/api/v1/use-cases/{id}/annotations");
        Assert.Equal("Prompt v4", list.Array.Single()!["title"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NoContent, (await SendAsync("metrics", HttpMethod.Delete, $"/api/v1/use-cases/{id}/annotations/{annotationId}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync("metrics", HttpMethod.Delete, $"/api/v1/use-cases/{id}/annotations/{annotationId}")).Status);

        await SendAsync("metrics", HttpMethod.Post, $"/api/v1/use-cases/{id}/reviews",
            new JsonObject { ["reviewer"] = "Ana Silva", ["date"] = "2026-10-15", ["decision"] = "adjust", ["note"] = "Cost fine, CSAT to watch" });
        await SendAsync("metrics", HttpMethod.Post, $"/api/v1/use-cases/{id}/reviews",
            new JsonObject { ["reviewer"] = "Ana Silva", ["date"] = "2026-11-15", ["decision"] = "keep" });
        var reviews = await SendAsync("metrics", HttpMethod.Get, $"/api/v1/use-cases/{id}/reviews");
        Assert.Equal(["keep", "adjust"], reviews.Array.Select(review => review!["decision"]!.GetValue<string>()));
    }

    [Theory]
    [InlineData("/metrics/costPerTask?granularity=yearly", "granularity", "unknown-value")]
    [InlineData("/metrics/notAMetric", "metric", "unknown-metric")]
    [InlineData("/metrics/costPerTask?segment=region:eu", "segment", "unknown-value")]
    [InlineData("/metrics/costPerTask?from=2026-10-31&to=2026-10-01", "from", "inconsistent")]
    [InlineData("/metrics/costPerTask?from=31.10.2026", "from", "invalid-format")]
    [InlineData("/comparison?stratifyBy=complexity", "metric", "required")]
    [InlineData("/roi?granularity=day", "granularity", "unknown-value")]
    [InlineData("/metrics/costPerTask?to=9999-12-31", "to", "out-of-range")]
    [InlineData("/health?asOf=0001-01-01", "asOf", "out-of-range")]
    [InlineData("/metrics/costPerTask?granularity=day&segment=complexity:high", "granularity", "inconsistent")]
    [InlineData("/attribution", "metric", "required")]
    [InlineData("/attribution?metric=costPerTask&control=region", "control", "invalid-format")]
    [InlineData("/attribution?metric=costPerTask&control=segment:region:eu", "control", "unknown-value")]
    [InlineData("/attribution?metric=costPerTask&control=segment:complexity", "control", "invalid-format")]
    [InlineData("/attribution?metric=costPerTask&control=use-case:no-such-use-case", "control", "unknown-value")]
    [InlineData("/roi?control=use-case:no-such-use-case", "control", "unknown-value")]
    public async Task A_bad_query_parameter_is_a_problem_naming_it(string path, string field, string code)
    {
        var (id, _) = await BeforeAndAfterAsync();

        var answer = await SendAsync("metrics", HttpMethod.Get, $"/api/v1/use-cases/{id}{path}");

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal("https://airoi.dev/problems/validation-failed", answer.Body["type"]!.GetValue<string>());
        Assert.Equal(field, answer.Body["field"]!.GetValue<string>());
        Assert.Contains(code, answer.Body["codes"]![field]!.AsArray().Select(c => c!.GetValue<string>()));
    }

    [Fact]
    public async Task Bad_writes_are_refused_with_named_fields_and_store_nothing()
    {
        var (id, _) = await BeforeAndAfterAsync();

        var noSource = await SendAsync("metrics", HttpMethod.Post, $"/api/v1/use-cases/{id}/baselines",
            new JsonObject { ["metricKey"] = "csatMean", ["method"] = "manual", ["value"] = 4.2 });
        Assert.Equal(HttpStatusCode.BadRequest, noSource.Status);
        Assert.Equal("source", noSource.Body["field"]!.GetValue<string>());

        var badKind = await SendAsync("metrics", HttpMethod.Post, $"/api/v1/use-cases/{id}/annotations",
            new JsonObject { ["date"] = "2026-10-01", ["kind"] = "moon-phase", ["title"] = "?" });
        Assert.Equal(HttpStatusCode.BadRequest, badKind.Status);
        Assert.Equal("kind", badKind.Body["field"]!.GetValue<string>());

        var noKey = await SendAsync("metrics", HttpMethod.Post, $"/api/v1/use-cases/{id}/reviews",
            new JsonObject { ["reviewer"] = "X", ["date"] = "2026-10-15", ["decision"] = "keep" }, key: null);
        Assert.Equal(HttpStatusCode.Unauthorized, noKey.Status);

        var unknown = await SendAsync("metrics", HttpMethod.Get, "/api/v1/use-cases/no-such-use-case/roi");
        Assert.Equal(HttpStatusCode.NotFound, unknown.Status);
        Assert.Equal("https://airoi.dev/problems/use-cases/not-found", unknown.Body["type"]!.GetValue<string>());

        var badHealth = await SendAsync("metrics", HttpMethod.Get, "/api/v1/portfolio?health=grumpy");
        Assert.Equal("health", badHealth.Body["field"]!.GetValue<string>());
        var farFuture = await SendAsync("metrics", HttpMethod.Get, "/api/v1/portfolio?asOf=9999-12-31");
        Assert.Equal(HttpStatusCode.BadRequest, farFuture.Status);
        Assert.Equal("asOf", farFuture.Body["field"]!.GetValue<string>());

        Assert.Equal(0, await StackDatabase.ScalarAsync(stack, "metricsdb", "select count(*) from metrics.baselines where use_case_id = $1", id));
        Assert.Equal(0, await StackDatabase.ScalarAsync(stack, "metricsdb", "select count(*) from metrics.annotations where use_case_id = $1", id));
        Assert.Equal(0, await StackDatabase.ScalarAsync(stack, "metricsdb", "select count(*) from metrics.reviews where use_case_id = $1", id));
    }

    /// <summary>
    /// Two use cases whose cost per task falls 0.05 a week on its own, from 12 weeks before 2026-09-07 to 12 weeks
    /// after; from that Monday the AI takes 2.00 off the first (<paramref name="id"/>), and nothing off the second
    /// (<paramref name="control"/>), which never got the AI.
    /// </summary>
    private async Task SeriesWithTrendAsync(string id, string control)
    {
        var goLive = new DateOnly(2026, 9, 7);
        foreach (var (useCase, step) in new[] { (id, -2.0), (control, 0.0) })
        {
            var definition = new JsonObject
            {
                ["id"] = useCase, ["name"] = "Claims triage", ["category"] = "operations", ["aiGoLiveDate"] = "2026-09-07",
                ["unitEconomics"] = new JsonObject { ["loadedHumanCostPerHour"] = 60, ["valuePerConversion"] = 0, ["fixedMonthlyCosts"] = new JsonArray() },
                ["primaryMetric"] = "costPerTask",
            };
            var created = await SendAsync("metrics", HttpMethod.Post, "/api/v1/use-cases", definition);
            Assert.True(created.Status == HttpStatusCode.Created, created.Body.ToJsonString());
            var events = new JsonArray();
            for (var week = -12; week < 12; week++)
            {
                for (var i = 0; i < 5; i++)
                {
                    var cost = 20 - 0.05 * week + (week >= 0 ? step : 0) + 0.1 * (((week + 12) * 7 + i * 3) % 5 - 2);
                    var day = goLive.AddDays(7 * week + i).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
                    events.Add(Event(useCase, $"w{week}-{i}", day, "ai", 600, ("aiCost", 0), csat: 4, complexity: "low"));
                    events[^1]!["aiCost"] = Math.Round(cost, 2);
                }
            }
            var ingested = await SendAsync("ingestion", HttpMethod.Post, "/api/v1/events", new JsonObject { ["events"] = events });
            Assert.Equal(120, ingested.Body["accepted"]!.GetValue<int>());
        }
    }

    [Fact]
    public async Task Attribution_separates_the_AI_from_the_trend_and_from_what_moved_a_control()
    {
        var id = $"attr-{Guid.NewGuid():N}"[..28];
        var control = $"ctrl-{Guid.NewGuid():N}"[..28];
        await SeriesWithTrendAsync(id, control);

        var its = await SendAsync("metrics", HttpMethod.Get, $"/api/v1/use-cases/{id}/attribution?metric=costPerTask&asOf=2026-12-01");
        Assert.Equal(HttpStatusCode.OK, its.Status);
        Assert.Equal("interrupted-time-series", its.Body["method"]!.GetValue<string>());
        Assert.Equal(-2.0, its.Body["effect"]!["value"]!.GetValue<double>(), tolerance: 0.1);
        // Before/after also credits the AI with the trend: 0.05 a week over the 12 weeks between the halves' centres.
        Assert.Equal(-2.6, its.Body["beforeAfterChange"]!.GetValue<double>(), tolerance: 0.1);
        Assert.Equal(24, its.Body["counterfactual"]!.AsArray().Count);
        Assert.Equal("2026-06-15", its.Body["counterfactual"]![0]!["weekStart"]!.GetValue<string>());
        Assert.StartsWith("Net of the trend it already had, the AI lowered Cost per task by 2.0", its.Body["summary"]!.GetValue<string>());
        Assert.Contains(its.Body["checks"]!.AsArray(), check => check!["name"]!.GetValue<string>() == "placebo");

        var did = await SendAsync("metrics", HttpMethod.Get, $"/api/v1/use-cases/{id}/attribution?metric=costPerTask&asOf=2026-12-01&control=use-case:{control}");
        Assert.Equal(HttpStatusCode.OK, did.Status);
        Assert.Equal("difference-in-differences", did.Body["method"]!.GetValue<string>());
        Assert.Equal($"use-case:{control}", did.Body["control"]!.GetValue<string>());
        Assert.Equal(-2.0, did.Body["effect"]!["value"]!.GetValue<double>(), tolerance: 0.1);

        // ROI against the same control says so: the AI's part of the cost per task by difference-in-differences.
        var roi = await SendAsync("metrics", HttpMethod.Get, $"/api/v1/use-cases/{id}/roi?granularity=month&from=2026-09-07&to=2026-11-29&control=use-case:{control}");
        Assert.Equal(HttpStatusCode.OK, roi.Status);
        var cost = roi.Body["total"]!["attribution"]!.AsArray().Single(change => change!["metricKey"]!.GetValue<string>() == "costPerTask")!;
        Assert.Equal("difference-in-differences", cost["method"]!.GetValue<string>());
        Assert.Equal(-2.0, cost["perTask"]!["value"]!.GetValue<double>(), tolerance: 0.1);
        var plainRoi = await SendAsync("metrics", HttpMethod.Get, $"/api/v1/use-cases/{id}/roi?granularity=month&from=2026-09-07&to=2026-11-29");
        Assert.Equal("interrupted-time-series", plainRoi.Body["total"]!["attribution"]!.AsArray()
            .Single(change => change!["metricKey"]!.GetValue<string>() == "costPerTask")!["method"]!.GetValue<string>());

        var tooEarly = await SendAsync("metrics", HttpMethod.Get, $"/api/v1/use-cases/{id}/attribution?metric=costPerTask&asOf=2026-10-01");
        Assert.Equal(HttpStatusCode.OK, tooEarly.Status);
        Assert.StartsWith("An interrupted time series needs at least 8 weeks", tooEarly.Body["refusal"]!.GetValue<string>());
        Assert.Null(tooEarly.Body["effect"]);

        var unknown = await SendAsync("metrics", HttpMethod.Get, "/api/v1/use-cases/no-such-use-case/attribution?metric=costPerTask");
        Assert.Equal(HttpStatusCode.NotFound, unknown.Status);
    }

    private Task<StackAnswer> SendAsync(string service, HttpMethod method, string path, JsonNode? body = null, string? key = StackHttp.DevelopmentKey) =>
        StackHttp.SendAsync(stack, service, method, path, body, key);
}
