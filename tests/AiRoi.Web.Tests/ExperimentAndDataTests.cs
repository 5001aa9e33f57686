using AiRoi.Contracts.Api;
using AiRoi.Domain.Baselines;
using AiRoi.Domain.Metrics;
using AiRoi.Domain.Reports;
using AiRoi.Domain.Rollups;
using AiRoi.Domain;
using AiRoi.Statistics;
using AiRoi.Web.Accounts;
using AiRoi.Web.Backends;
using AiRoi.Web.Components.Data;
using AiRoi.Web.Components.Experiments;
using AiRoi.Web.Display;
using Bunit;
using Microsoft.Extensions.DependencyInjection;

namespace AiRoi.Web.Tests;

public sealed class ExperimentAndDataTests : BunitContext
{
    private const string Experiment = """
        {"id":"exp-1","definition":{"useCaseId":"bot","name":"Prompt v4","variants":[{"name":"control","weight":0.5},{"name":"v4","weight":0.5}],
         "primaryMetric":"fcrRate","guardrailMetrics":["csatMean"],"method":"bayesian","minimumDetectableEffect":0.05,"power":0.8},
         "status":"running","createdAt":"2026-11-01T00:00:00Z","startedAt":"2026-11-02T00:00:00Z","decisions":[]}
        """;

    private static string Results(bool mismatch) => $$"""
        {"experimentId":"exp-1","status":"running","method":"bayesian",
         "exposures":[{"variant":"control","subjects":5200},{"variant":"v4","subjects":4800}],
         "sampleRatio":{"chiSquare":16.0,"degreesOfFreedom":1,"pValue":{{(mismatch ? "0.00006" : "0.4")}},"isMismatch":{{(mismatch ? "true" : "false")}}},
         "metrics":[
          {"metricKey":"fcrRate","role":"primary","variants":[{"variant":"control","n":5200,"mean":0.61},{"variant":"v4","n":4800,"mean":0.66}],
           "treatments":[{"variant":"v4","lift":{"estimate":0.082,"standardError":0.02,"ciLower":0.043,"ciUpper":0.121,"chanceToWin":0.9991},"adjustedPValue":null}]},
          {"metricKey":"csatMean","role":"guardrail","variants":[{"variant":"control","n":900,"mean":4.1},{"variant":"v4","n":880,"mean":3.7}],
           "treatments":[{"variant":"v4","lift":{"estimate":-0.097,"standardError":0.02,"ciLower":-0.136,"ciUpper":-0.058,"chanceToWin":0.0001},"guardrail":"degraded"}]}],
         "daysLeft":3.2,"readyForDecision":["a guardrail metric is degraded"]}
        """;

    private readonly Microsoft.Extensions.Time.Testing.FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero));

    // The experiment's use case, named on its page; its money is in pounds, the organization's in euros.
    public ExperimentAndDataTests() =>
        Services.AddSingleton(new MetricsClient(new FakeBackend()
            .Answer("/api/v1/use-cases/bot", """{"id":"bot","name":"Support bot","category":"customer-service","unitEconomics":{"loadedHumanCostPerHour":40,"valuePerConversion":0,"fixedMonthlyCosts":[],"currency":"GBP"},"primaryMetric":"fcrRate","guardrailMetrics":[],"targets":[],"customMetrics":[],"segmentDimensions":[],"reviewCadenceDays":30,"archived":false,"revision":1,"createdAt":"2026-01-01T00:00:00Z","updatedAt":"2026-01-01T00:00:00Z"}""")
            .Answer("/api/v1/organization", """{"currency":"EUR"}""")
            .Client(), TestAccounts.Gate(TestAccounts.SignedIn(WebRole.Viewer))));

    private FakeBackend UseExperiments(bool mismatch, string role = WebRole.Editor)
    {
        Services.AddSingleton<TimeProvider>(clock);
        var backend = new FakeBackend()
            .Answer("/api/v1/experiments/exp-1", Experiment)
            .Answer("/api/v1/experiments/exp-1/results", Results(mismatch));
        Services.AddSingleton(new ExperimentsClient(backend.Client("experiments"), TestAccounts.Gate(TestAccounts.SignedIn(role))));
        // bUnit's authorization answers policies by name: grant the ones the role holds (WebPermission.RolesFor).
        AddAuthorization().SetAuthorized("someone").SetRoles(role)
            .SetPolicies([.. new[] { WebPermission.Read, WebPermission.Edit, WebPermission.Administer }.Where(p => WebPermission.RolesFor(p).Contains(role))]);
        return backend;
    }

    private const string CostPerTask = """
        "metrics":[{"metricKey":"costPerTask","role":"secondary","variants":[{"variant":"control","n":5200,"mean":4.4},{"variant":"v4","n":4800,"mean":3.9}],"treatments":[]}
        """;

    [Fact]
    public void The_results_page_names_the_use_case_and_gives_money_in_its_currency_and_power_as_a_percentage()
    {
        var backend = UseExperiments(mismatch: false);
        backend.Answer("/api/v1/experiments/exp-1/results", Results(mismatch: false).Replace("\"metrics\":[", CostPerTask + ",", StringComparison.Ordinal));

        var page = Render<ExperimentPage>(parameters => parameters.Add(page => page.Id, "exp-1"));

        page.WaitForAssertion(() => Assert.Contains("Support bot", page.Find(".use-case-facts").TextContent, StringComparison.Ordinal));
        Assert.Contains("4.40 GBP", page.Find("[data-metric='costPerTask'] tr[data-variant='control']").TextContent, StringComparison.Ordinal);
        Assert.Contains("at power 80.0 %", page.Find(".use-case-facts").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void The_results_page_warns_of_a_sample_ratio_mismatch_and_shows_lift_chance_to_win_guardrail_and_days_left()
    {
        UseExperiments(mismatch: true);

        var page = Render<ExperimentPage>(parameters => parameters.Add(page => page.Id, "exp-1"));

        page.WaitForAssertion(() => Assert.Contains("Sample-ratio mismatch", page.Find("[data-testid='srm-warning']").TextContent, StringComparison.Ordinal));
        var primary = page.Find("[data-metric='fcrRate'] tr[data-variant='v4']");
        Assert.Contains("+8.2 % (+4.3 % to +12.1 %)", primary.TextContent, StringComparison.Ordinal);
        Assert.Contains("99.9 %", primary.TextContent, StringComparison.Ordinal);
        Assert.Contains("Degraded", page.Find("[data-metric='csatMean'] tr[data-variant='v4']").TextContent, StringComparison.Ordinal);
        Assert.Contains("about 4 days left", page.Find("[data-testid='days-left']").TextContent, StringComparison.Ordinal);
        Assert.Contains("a guardrail metric is degraded", page.Find("[data-testid='ready']").TextContent, StringComparison.Ordinal);
        Assert.Contains(page.FindAll("button"), button => button.TextContent == "Ship");
    }

    [Theory]
    [InlineData("holm", "p-value (Holm)")]
    [InlineData("benjamini-hochberg", "p-value (Benjamini–Hochberg)")]
    public void The_p_value_column_names_the_experiments_correction(string correction, string header)
    {
        var metric = System.Text.Json.JsonSerializer.Deserialize<MetricResult>("""
            {"metricKey":"conversionRate","role":"primary","variants":[{"variant":"control","n":1000,"mean":0.1},{"variant":"v4","n":1000,"mean":0.13}],
             "treatments":[{"variant":"v4","lift":{"estimate":0.3,"standardError":0.1,"ciLower":0.1,"ciUpper":0.5,"pValue":0.004},"adjustedPValue":0.008}]}
            """, WireJson.Client)!;

        var table = Render<ExperimentMetricResult>(parameters => parameters
            .Add(result => result.Metric, metric).Add(result => result.Method, "frequentist").Add(result => result.MultipleTesting, correction));

        Assert.Contains(table.FindAll("th"), th => th.TextContent == header);
    }

    [Fact]
    public void A_split_as_planned_raises_no_warning_and_a_viewer_gets_no_decision_buttons()
    {
        UseExperiments(mismatch: false, WebRole.Viewer);

        var page = Render<ExperimentPage>(parameters => parameters.Add(page => page.Id, "exp-1"));

        page.WaitForAssertion(() => Assert.Contains("Split as planned", page.Markup, StringComparison.Ordinal));
        Assert.Empty(page.FindAll("[data-testid='srm-warning']"));
        Assert.DoesNotContain(page.FindAll("button"), button => button.TextContent is "Ship" or "Stop" or "Roll back");
    }

    [Fact]
    public void Shipping_one_of_several_treatments_names_it_and_one_of_one_leaves_it_to_the_api()
    {
        var threeWay = Experiment.Replace("""{"name":"v4","weight":0.5}""", """{"name":"v4","weight":0.25},{"name":"v5","weight":0.25}""");
        var backend = new FakeBackend()
            .Answer("/api/v1/experiments/exp-1", threeWay)
            .Answer("/api/v1/experiments/exp-1/results", Results(mismatch: false))
            .Answer("/api/v1/experiments/exp-1/conclude", threeWay);
        Services.AddSingleton(new ExperimentsClient(backend.Client("experiments"), TestAccounts.Gate(TestAccounts.SignedIn(WebRole.Editor))));
        Services.AddSingleton<TimeProvider>(clock);
        AddAuthorization().SetAuthorized("editor").SetRoles(WebRole.Editor).SetPolicies(WebPermission.Read, WebPermission.Edit);
        var page = Render<ExperimentPage>(parameters => parameters.Add(page => page.Id, "exp-1"));
        page.WaitForAssertion(() => page.Find("#decision-variant"));

        page.Find("#decision-variant").Change("v5");
        page.FindAll("button").Single(button => button.TextContent == "Ship").Click();
        // v5 has no result on the primary metric, and the sample is short: a reason is asked for before it ships.
        var confirm = page.FindAll("[data-testid='confirm-decision'] button").Single(button => button.TextContent == "Ship v5");
        Assert.True(confirm.HasAttribute("disabled"));
        page.Find("#decision-reason").Input("Pilot customer asked for it");
        page.FindAll("[data-testid='confirm-decision'] button").Single(button => button.TextContent == "Ship v5").Click();

        page.WaitForAssertion(() => Assert.Contains(backend.Requests, request => request.Request == "POST /api/v1/experiments/exp-1/conclude"));
        var body = backend.Requests.Single(request => request.Request.EndsWith("/conclude", StringComparison.Ordinal)).Body;
        Assert.Equal("""{"decision":"ship","note":"Pilot customer asked for it","variant":"v5"}""", body);
    }

    [Fact]
    public void Shipping_an_experiment_that_is_not_ready_names_every_concern_and_keeps_the_stated_reason()
    {
        UseExperiments(mismatch: true);
        var page = Render<ExperimentPage>(parameters => parameters.Add(page => page.Id, "exp-1"));
        page.WaitForAssertion(() => page.FindAll("button").Single(button => button.TextContent == "Ship"));

        page.FindAll("button").Single(button => button.TextContent == "Ship").Click();

        var concerns = page.FindAll("[data-testid='ship-concerns'] li").Select(item => item.TextContent).ToList();
        Assert.Equal(3, concerns.Count);
        Assert.Contains(concerns, concern => concern.StartsWith("The planned sample is not reached: about 4 more days", StringComparison.Ordinal));
        Assert.Contains(concerns, concern => concern.Contains("sample-ratio mismatch, p = 0.0001", StringComparison.Ordinal));
        Assert.Contains(concerns, concern => concern == "The guardrail csatMean is degraded for v4.");
        Assert.True(page.FindAll("[data-testid='confirm-decision'] button").Single(button => button.TextContent == "Ship v4").HasAttribute("disabled"));
    }

    [Fact]
    public void The_results_of_a_running_experiment_are_read_again_while_the_page_is_open()
    {
        var backend = UseExperiments(mismatch: false);
        var page = Render<ExperimentPage>(parameters => parameters.Add(page => page.Id, "exp-1"));
        page.WaitForAssertion(() => Assert.Contains("read again every 30 s", page.Find("[data-testid='results-read-at']").TextContent, StringComparison.Ordinal));
        int Reads() => backend.Requests.Count(request => request.Request == "GET /api/v1/experiments/exp-1/results");
        Assert.Equal(1, Reads());

        clock.Advance(ExperimentPage.RefreshPeriod);

        page.WaitForAssertion(() => Assert.Equal(2, Reads()));
        Assert.Contains("results as of 2026-11-20 09:00 UTC", page.Find("[data-testid='results-read-at']").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Rolling_back_asks_first_and_cancel_sends_nothing()
    {
        var backend = UseExperiments(mismatch: false);
        var page = Render<ExperimentPage>(parameters => parameters.Add(page => page.Id, "exp-1"));
        page.WaitForAssertion(() => page.FindAll("button").Single(button => button.TextContent == "Roll back"));

        page.FindAll("button").Single(button => button.TextContent == "Roll back").Click();
        Assert.Contains("no treatment ships", page.Find("[data-testid='confirm-decision']").TextContent, StringComparison.Ordinal);
        page.FindAll("[data-testid='confirm-decision'] button").Single(button => button.TextContent == "Cancel").Click();

        Assert.Empty(page.FindAll("[data-testid='confirm-decision']"));
        Assert.DoesNotContain(backend.Requests, request => request.Request.EndsWith("/conclude", StringComparison.Ordinal));
    }

    [Fact]
    public void A_lift_bar_is_green_when_the_interval_is_better_for_the_business_whatever_its_sign()
    {
        var falling = new LiftEstimate(-0.2, 0.02, -0.25, -0.15, 0.001, null, null, null);

        var costBar = Render<LiftBar>(parameters => parameters.Add(bar => bar.Lift, falling).Add(bar => bar.LowerIsBetter, true));
        var rateBar = Render<LiftBar>(parameters => parameters.Add(bar => bar.Lift, falling).Add(bar => bar.LowerIsBetter, false));

        Assert.Contains("#15803d", costBar.Find(".interval").GetAttribute("style")!, StringComparison.Ordinal);
        Assert.Contains("#b91c1c", rateBar.Find(".interval").GetAttribute("style")!, StringComparison.Ordinal);
        Assert.Equal("Lift -20.0 %, interval -25.0 % to -15.0 %", costBar.Find("[role=img]").GetAttribute("aria-label"));
    }

    [Fact]
    public void The_planned_sample_of_a_rate_uses_both_arms_variances_on_the_relative_scale()
    {
        // p = 0.5, 10 % relative (0.5 → 0.55), each arm its own variance, on the log of the ratio the test runs on:
        // (1.95996 + 0.84162)²·(0.2475/0.55² + 0.25/0.5²) / ln(1.1)² = 7.84888·1.81818 / 0.0090840 ≈ 1571.0, so 1571.
        var (plan, reason) = PlannedSample.For(Tile(Aggregation.Rate, value: 0.5, n: 2800, standardError: null), 0.10, 0.8, variants: 2);

        Assert.Null(reason);
        Assert.Equal(1571, plan!.UnitsPerVariant);
        Assert.Equal(3142, plan.TotalUnits);
        // The running experiment's computation (PowerAnalysis.DaysLeft), from no units at 100 events a day: 2·1570.96/100.
        Assert.Equal(31.419, plan.DaysAtCurrentTraffic!.Value, 3);
    }

    [Fact]
    public void A_mean_metric_plans_from_the_variance_its_standard_error_implies()
    {
        // mean 10, SE 0.1 over 100 events: σ² = 1 in both arms; 5 % relative (10 → 10.5) on the log of the ratio:
        // 7.84888·(1/10.5² + 1/10²) / ln(1.05)² = 7.84888·0.0190703 / 0.0023805 ≈ 62.88, so 63 a variant.
        var (plan, _) = PlannedSample.For(Tile(Aggregation.Mean, value: 10, n: 100, standardError: 0.1), 0.05, 0.8, variants: 3);

        Assert.Equal(63, plan!.UnitsPerVariant);
        Assert.Equal(189, plan.TotalUnits);
    }

    [Fact]
    public void No_plan_without_recent_data_or_an_effect_and_the_page_says_why()
    {
        Assert.Contains("no events", PlannedSample.For(Tile(Aggregation.Rate, null, 0, null), 0.05, 0.8, 2).Reason!, StringComparison.Ordinal);
        Assert.Contains("smallest effect", PlannedSample.For(Tile(Aggregation.Rate, 0.5, 100, null), null, 0.8, 2).Reason!, StringComparison.Ordinal);
        Assert.Contains("No plan", PlannedSample.For(Tile(Aggregation.Rate, 1.0, 100, null), 0.05, 0.8, 2).Reason!, StringComparison.Ordinal);
    }

    [Fact]
    public void A_csv_cell_is_quoted_when_it_must_be_and_a_formula_is_defused()
    {
        var csv = CsvTable.Write(["name", "value", "note"],
        [
            ["Cost, per task", 4.25, "said \"ok\""],
            ["=HYPERLINK(\"x\")", -1.5, null],
            ["-12", double.NaN, "line\nbreak"],
        ]);

        Assert.Equal(
            "name,value,note\r\n" +
            "\"Cost, per task\",4.25,\"said \"\"ok\"\"\"\r\n" +
            "\"'=HYPERLINK(\"\"x\"\")\",-1.5,\r\n" +
            "-12,,\"line\nbreak\"\r\n", csv);
    }

    [Fact]
    public void The_import_report_lists_each_refused_line_in_order()
    {
        var problem = new BackendProblem(400, "The file has bad rows", "Nothing was imported.", new Dictionary<string, string[]>
        {
            ["line 12.csat"] = ["csat must be between 1 and 5."],
            ["line 3"] = ["The row has 5 cells; the header names 6."],
            ["line 3.completedAt"] = ["completedAt must not be before startedAt."],
            ["useCaseId"] = ["not a line"],
        });

        var lines = CsvLineError.From(problem);

        Assert.Equal([(3, ""), (3, "completedAt"), (12, "csat")], lines.Select(line => (line.Line, line.Field)).ToArray());
    }

    private const string TwoUseCases = """
        {"asOf":"2026-12-01","useCases":[
          {"id":"support-bot","name":"EMEA support chatbot","category":"customer-service","archived":false,"events":1200,"keyMetrics":[],"health":[]},
          {"id":"sdr-writer","name":"SDR e-mail writer","category":"sales","archived":false,"events":40,"keyMetrics":[],"health":[]}],
         "totals":{"useCases":0,"fixedCosts":0},"health":{}}
        """;

    private const string Rejections = """
        {"days":30,"since":"2026-11-02","events":6,"useCases":[
          {"useCaseId":"support-bot","events":3,"lastAt":"2026-12-01T10:00:00Z","reasons":[
            {"code":"out-of-range","source":"events","requests":2,"events":2,"lastAt":"2026-12-01T10:00:00Z","example":"events[1]: csat must be between 1 and 5."},
            {"code":"refused-with-batch","source":"csv","requests":1,"events":1,"lastAt":"2026-11-30T08:00:00Z","example":"The rows were valid; the file was refused for the others."}]},
          {"useCaseId":"not-registered","events":2,"lastAt":"2026-11-29T10:00:00Z","reasons":[
            {"code":"unknown-use-case","source":"events","requests":1,"events":2,"lastAt":"2026-11-29T10:00:00Z","example":"events[0]: use case 'not-registered' is not registered."}]},
          {"useCaseId":"","events":0,"lastAt":"2026-11-28T10:00:00Z","reasons":[
            {"code":"malformed-json","source":"events","requests":1,"events":0,"lastAt":"2026-11-28T10:00:00Z","example":"The body is not valid JSON at line 1, byte 3."}]}]}
        """;

    private void UseData(string rejections, System.Net.HttpStatusCode status = System.Net.HttpStatusCode.OK)
    {
        var gate = TestAccounts.Gate(TestAccounts.SignedIn(WebRole.Viewer));
        Services.AddSingleton(new MetricsClient(new FakeBackend().Answer("/api/v1/portfolio", TwoUseCases).Client(), gate));
        Services.AddSingleton(new IngestionClient(new FakeBackend().Answer("/api/v1/rejections", rejections, status).Client("ingestion"), gate));
        AddAuthorization().SetAuthorized("someone").SetRoles(WebRole.Viewer).SetPolicies([WebPermission.Read]);
    }

    [Fact]
    public void The_data_page_counts_refused_events_per_use_case_shows_why_on_request_and_lists_those_naming_no_registered_use_case()
    {
        UseData(Rejections);

        var page = Render<DataPage>();

        Assert.Contains("3 refused", page.Find("tr[data-use-case='support-bot'] [data-testid='refused']").TextContent, StringComparison.Ordinal);
        Assert.Equal("0", page.Find("tr[data-use-case='sdr-writer'] [data-testid='refused']").TextContent.Trim());
        Assert.Empty(page.FindAll("table[aria-label='Why events of EMEA support chatbot were refused']"));

        page.Find("tr[data-use-case='support-bot'] [data-testid='refused'] button").Click();

        var reasons = page.Find("table[aria-label='Why events of EMEA support chatbot were refused']");
        Assert.Equal(["out-of-range", "refused-with-batch"], reasons.QuerySelectorAll("tr[data-code]").Select(row => row.GetAttribute("data-code")));
        Assert.Contains("events[1]: csat must be between 1 and 5.", reasons.TextContent, StringComparison.Ordinal);
        Assert.Contains("CSV import", reasons.TextContent, StringComparison.Ordinal);
        var unregistered = page.Find("[data-testid='unregistered-rejections']");
        Assert.Contains("not-registered: 2 events", unregistered.TextContent, StringComparison.Ordinal);
        Assert.Contains("no readable use case: 0 events", unregistered.TextContent, StringComparison.Ordinal);
        Assert.Contains("malformed-json", unregistered.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_the_ingestion_service_the_data_page_still_lists_the_use_cases_and_says_what_failed()
    {
        UseData("""{"title":"Service unavailable","status":503,"detail":"ingestion is restarting"}""", System.Net.HttpStatusCode.ServiceUnavailable);

        var page = Render<DataPage>();

        Assert.Equal(2, page.FindAll("tr[data-use-case]").Count);
        Assert.Equal(Figures.None, page.Find("tr[data-use-case='support-bot'] [data-testid='refused']").TextContent.Trim());
        Assert.Contains("Ingestion is restarting", page.Markup, StringComparison.Ordinal);
    }

    private static KeyMetricSummary Tile(Aggregation aggregation, double? value, long n, double? standardError) => new(
        new MetricDefinition("m", "The metric", null, aggregation == Aggregation.Rate ? MetricUnit.Ratio : MetricUnit.Seconds, aggregation,
            GoodDirection.Higher, ValueKind.Value, MetricRole.Output, ""),
        new MetricReading(value, n, null, null, standardError), null, null, null, null, []);

    [Theory]
    [InlineData(0.2, "about 1 day")]
    [InlineData(1.0, "about 1 day")]
    [InlineData(1.01, "about 2 days")]
    [InlineData(298.3, "about 299 days")]
    [InlineData(1234.5, "about 1,235 days")]
    public void Days_are_said_with_the_right_plural(double days, string said) => Assert.Equal(said, Figures.AboutDays(days));
}
