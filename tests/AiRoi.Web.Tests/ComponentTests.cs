using AiRoi.Domain.Baselines;
using AiRoi.Domain.Metrics;
using AiRoi.Domain.Reports;
using AiRoi.Domain.Rollups;
using AiRoi.Domain.Targets;
using AiRoi.Domain.UseCases;
using AiRoi.Web.Accounts;
using AiRoi.Web.Backends;
using AiRoi.Web.Components.Portfolio;
using AiRoi.Web.Components.Shared;
using AiRoi.Web.Components.UseCases;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace AiRoi.Web.Tests;

public sealed class ComponentTests : BunitContext
{
    private const string Portfolio = """
        {"asOf":"2026-12-01","useCases":[
          {"id":"support-bot","name":"EMEA support chatbot","category":"customer-service","owner":{"name":"Ana Ruiz","email":"ana@example.com"},
           "archived":false,"events":1200,"keyMetrics":[
             {"key":"fcrRate","name":"First-contact resolution","unit":"ratio","value":0.74,"baseline":0.61,"change":0.13,"improved":true,"target":0.7,"targetStatus":"met"}],
           "roi":{"savings":{"value":7500,"low":6000,"high":9000},"fixedCosts":3000,"roi":{"value":1.5,"low":1.2,"high":1.8},"netBenefit":{"value":4500,"low":3600,"high":5400}},
           "roiSinceGoLive":{"fixedCosts":12000,"roi":{"value":0.8,"low":0.6,"high":1.0},"netBenefit":{"value":9600,"low":7200,"high":12000}},"health":["no-baseline"]},
          {"id":"sdr-writer","name":"SDR e-mail writer","category":"sales","archived":false,"events":0,"keyMetrics":[],"health":[]},
          {"id":"invoice-bot","name":"Invoice bot","category":"operations","archived":false,"events":900,"keyMetrics":[],"health":["no-baseline"],
           "roi":{"fixedCosts":900},"noRoiReason":"Savings: costPerTask has no baseline.","canSetBaseline":true,"currency":"GBP"}],
         "currency":"EUR","notAdded":{"GBP":1},
         "totalsSinceGoLive":{"useCases":2,"withRoi":1,"savings":{"value":21600,"low":19000,"high":24000,"standardError":900},"revenueLift":{"value":0,"low":0,"high":0,"standardError":0},
                   "timeSavedHours":{"value":900,"low":800,"high":1000,"standardError":50},"fixedCosts":12900,
                   "netBenefit":{"value":8700,"low":6000,"high":11000,"standardError":900},"roi":{"value":0.67,"low":0.5,"high":0.9,"standardError":0.1}},
         "totals":{"useCases":2,"withRoi":1,"savings":{"value":7500,"low":6000,"high":9000,"standardError":700},"revenueLift":{"value":0,"low":0,"high":0,"standardError":0},
                   "timeSavedHours":{"value":300,"low":250,"high":350,"standardError":20},"fixedCosts":3000,
                   "netBenefit":{"value":4500,"low":3600,"high":5400,"standardError":700},"roi":{"value":1.5,"low":1.2,"high":1.8,"standardError":0.2}},
         "health":{"healthy":1,"no-baseline":1}}
        """;

    private FakeBackend UseMetrics(string role = WebRole.Viewer)
    {
        var backend = new FakeBackend().Answer("/api/v1/portfolio", Portfolio);
        Services.AddSingleton(TimeProvider.System);
        Services.AddSingleton(new MetricsClient(backend.Client(), TestAccounts.Gate(TestAccounts.SignedIn(role))));
        AddAuthorization().SetAuthorized("someone").SetRoles(role).SetPolicies(role == WebRole.Viewer ? [WebPermission.Read] : [WebPermission.Read, WebPermission.Edit]);
        return backend;
    }

    [Fact]
    public void The_portfolio_shows_each_use_case_with_its_key_metric_against_baseline_and_target_its_roi_and_flags()
    {
        UseMetrics();

        var page = Render<PortfolioPage>();

        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("tbody tr").Count));
        var bot = page.Find("tr[data-use-case='support-bot']");
        Assert.Equal("/use-cases/support-bot", bot.QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("74.0 %", bot.TextContent, StringComparison.Ordinal);
        Assert.Contains("baseline 61.0 %", bot.TextContent, StringComparison.Ordinal);
        Assert.Contains("target 70.0 % (Met)", bot.TextContent, StringComparison.Ordinal);
        Assert.Contains("150.0 % (120.0 % to 180.0 %)", bot.QuerySelector("[data-testid='roi-90-days']")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("80.0 % (60.0 % to 100.0 %)", bot.QuerySelector("[data-testid='roi-since-go-live']")!.TextContent, StringComparison.Ordinal);
        // Why the ROI is what it is: its parts side by side.
        Assert.Contains("= savings 7,500 EUR + revenue lift — − fixed costs 3,000 EUR", bot.QuerySelector("[data-testid='net-benefit']")!.TextContent, StringComparison.Ordinal);
        // Money carries its currency: the organization's, or the use case's own; a use case in another currency is not added.
        Assert.Contains("4,500 EUR", bot.QuerySelector("[data-testid='net-benefit']")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("7,500 EUR", page.Find("[data-testid='total-savings']").TextContent, StringComparison.Ordinal);
        Assert.Contains("1 use case in GBP", page.Find("[data-testid='not-added']").TextContent, StringComparison.Ordinal);
        Assert.Equal("No baseline", bot.QuerySelector("[data-check='no-baseline']")!.TextContent);
        var writer = page.Find("tr[data-use-case='sdr-writer']");
        Assert.Contains("No owner", writer.TextContent, StringComparison.Ordinal);
        Assert.Contains("Healthy", writer.TextContent, StringComparison.Ordinal);
        Assert.Contains("150.0 %", page.Find("[data-testid='total-roi']").TextContent, StringComparison.Ordinal);
        Assert.Contains("Since go-live: 67.0 %", page.Find("[data-testid='total-roi']").TextContent, StringComparison.Ordinal);
        // One use case of the two live has an ROI, and the tile says so rather than counting both.
        Assert.Contains("1 of 2 live", page.Find("[data-testid='total-use-cases']").TextContent, StringComparison.Ordinal);
        // A use case without ROI says why; a viewer is not offered to set a baseline.
        var invoices = page.Find("tr[data-use-case='invoice-bot']");
        Assert.Contains("No ROI: Savings: costPerTask has no baseline.", invoices.QuerySelector("[data-testid='no-roi']")!.TextContent, StringComparison.Ordinal);
        Assert.Null(invoices.QuerySelector("a[href='/use-cases/invoice-bot/settings#baselines']"));
    }

    [Fact]
    public void An_editor_is_offered_to_set_a_baseline_where_there_is_data_from_before_go_live()
    {
        UseMetrics(WebRole.Editor);

        var page = Render<PortfolioPage>();

        page.WaitForAssertion(() => Assert.NotNull(page.Find("tr[data-use-case='invoice-bot'] a[href='/use-cases/invoice-bot/settings#baselines']")));
    }

    [Fact]
    public void The_portfolio_asks_the_api_for_the_filters_in_its_address()
    {
        var backend = UseMetrics();
        Services.GetRequiredService<NavigationManager>().NavigateTo("/?category=sales&health=no-baseline&sort=roi&order=desc&owner=Ana");

        var page = Render<PortfolioPage>();

        page.WaitForAssertion(() => Assert.Contains(backend.Requests, request =>
            request.Request == "GET /api/v1/portfolio?category=sales&owner=Ana&health=no-baseline&sort=roi&order=desc"));
        Assert.Equal("sales", page.Find("#filter-category").GetAttribute("value"));
    }

    [Fact]
    public void Choosing_a_sort_puts_it_in_the_address()
    {
        UseMetrics();
        var navigation = Services.GetRequiredService<NavigationManager>();
        var page = Render<PortfolioPage>();

        page.Find("#sort").Change("net-benefit");

        Assert.EndsWith("/?sort=net-benefit", navigation.Uri, StringComparison.Ordinal);
    }

    [Fact]
    public void A_kpi_tile_shows_value_baseline_change_target_and_status()
    {
        var summary = Summary(ValueKind.Value, MetricRole.Output) with
        {
            Targets = [new TargetEvaluation(new Target("costPerTask", TargetDirection.AtMost, 5, new DateOnly(2026, 12, 31)), TargetStatus.AtRisk, 6, 5.5, "Projected 5.5")],
        };

        var tile = Render<KpiTile>(parameters => parameters.Add(tile => tile.Summary, summary));

        var text = tile.Find("article").TextContent;
        Assert.Contains("6.00", text, StringComparison.Ordinal);
        Assert.Contains("9.00 (v2, Before go live)", text, StringComparison.Ordinal);
        Assert.Contains("−3.00", text, StringComparison.Ordinal);
        Assert.Contains("5.00 by 2026-12-31", text, StringComparison.Ordinal);
        Assert.Equal("At risk", tile.Find(".status").TextContent);
        Assert.Contains("better", tile.Find("article").ClassName, StringComparison.Ordinal);
    }

    [Fact]
    public void Vanity_metrics_get_their_own_labelled_section_and_never_sit_among_value_metrics()
    {
        var metrics = new[]
        {
            Summary(ValueKind.Value, MetricRole.Output, "costPerTask"),
            Summary(ValueKind.Value, MetricRole.Process, "resolutionTimeMean"),
            Summary(ValueKind.Vanity, MetricRole.Process, "modelConfidence"),
        };

        var groups = Render<MetricGroups>(parameters => parameters.Add(group => group.Metrics, metrics));

        Assert.Equal(["costPerTask"], Keys(groups, "output-metrics"));
        Assert.Equal(["resolutionTimeMean"], Keys(groups, "process-metrics"));
        Assert.Equal(["modelConfidence"], Keys(groups, "vanity-metrics"));
        Assert.Contains("never part of ROI", groups.Find("[data-testid='vanity-metrics']").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void A_kpi_tile_names_its_period_and_sets_the_period_before_beside_it()
    {
        var now = Summary(ValueKind.Value, MetricRole.Output);
        var before = now with { Current = new MetricReading(9, 80, 8.5, 9.5, 0.25) };

        var tile = Render<KpiTile>(parameters => parameters
            .Add(tile => tile.Summary, now).Add(tile => tile.Window, "1/9/2026 to 30/11/2026").Add(tile => tile.Previous, before));

        Assert.Contains("1/9/2026 to 30/11/2026", tile.Find(".labels").TextContent, StringComparison.Ordinal);
        Assert.Equal("9.00 (−3.00)", tile.Find("[data-testid='kpi-before']").TextContent);
    }

    [Fact]
    public void Field_messages_show_the_servers_words_for_their_field_only()
    {
        var problem = new BackendProblem(400, "The request is not valid", null, new Dictionary<string, string[]>
        {
            ["targets[0].value"] = ["value must be a finite number."],
            ["title"] = ["title is required."],
        });

        var messages = Render<FieldMessages>(parameters => parameters
            .Add(field => field.Problem, problem).Add(field => field.Field, "targets[0].value").Add(field => field.Id, "value-errors"));

        Assert.Equal("Value must be a finite number.", messages.Find("#value-errors li").TextContent);
        Assert.Single(messages.FindAll("li"));
    }

    private static string[] Keys(IRenderedComponent<MetricGroups> groups, string section) =>
        groups.FindAll($"[data-testid='{section}'] tbody tr").Select(row => row.GetAttribute("data-metric")!).ToArray();

    private static KeyMetricSummary Summary(ValueKind kind, MetricRole role, string key = "costPerTask") => new(
        new MetricDefinition(key, key, null, MetricUnit.Currency, Aggregation.Mean, GoodDirection.Lower, kind, role, "What it is."),
        new MetricReading(6, 120, 5.5, 6.5, 0.25),
        new BaselineVersion(key, 2, BaselineMethod.BeforeGoLive, 9, "web", DateTimeOffset.UtcNow),
        -3, -1 / 3.0, true, []);
}

public sealed class SettingsFormTests : BunitContext
{
    [Fact]
    public void An_annotation_refused_by_the_server_shows_its_message_under_the_title_and_nothing_is_listed()
    {
        var backend = new FakeBackend().Answer("/api/v1/use-cases/bot/annotations",
            """{"title":"The request is not valid","status":400,"detail":"title is required.","errors":{"title":["title is required."]}}""",
            System.Net.HttpStatusCode.BadRequest);
        Services.AddSingleton(new MetricsClient(backend.Client(), TestAccounts.Gate(TestAccounts.SignedIn(WebRole.Editor))));
        var saved = 0;
        var form = Render<AiRoi.Web.Components.Settings.AnnotationsForm>(parameters => parameters
            .Add(form => form.UseCaseId, "bot")
            .Add(form => form.Annotations, [])
            .Add(form => form.Saved, () => saved++));

        form.Find("form").Submit();

        form.WaitForAssertion(() => Assert.Equal("Title is required.", form.Find("#annotation-title-errors li").TextContent));
        Assert.Equal(0, saved);
        var (request, body) = Assert.Single(backend.Requests);
        Assert.Equal("POST /api/v1/use-cases/bot/annotations", request);
        Assert.DoesNotContain("\"title\"", body, StringComparison.Ordinal);
    }

    [Fact]
    public void Saving_the_owner_replaces_the_definition_without_its_bookkeeping_and_names_the_revision_read()
    {
        var backend = new CapturingBackend();
        Services.AddSingleton(new MetricsClient(new HttpClient(backend) { BaseAddress = new Uri("http://metrics") }, TestAccounts.Gate(TestAccounts.SignedIn(WebRole.Editor))));
        var useCase = new RegisteredUseCase("bot", "Support bot", UseCaseCategory.CustomerService, new BusinessOwner("Ana", "ana@example.com"), new DateOnly(2026, 6, 1),
            new UnitEconomics(42.5m, 0, [new FixedCost("Licence", 1200)]), "fcrRate", ["csatMean"], [], [], ["complexity"], 30, Archived: false, Revision: 4, CreatedAt: DateTimeOffset.UnixEpoch, UpdatedAt: DateTimeOffset.UnixEpoch);
        var form = Render<AiRoi.Web.Components.Settings.OwnerEconomicsForm>(parameters => parameters.Add(form => form.UseCase, useCase));

        form.Find("#owner-email").Change("new@example.com");
        form.Find("form").Submit();

        form.WaitForAssertion(() => Assert.NotNull(backend.Body));
        Assert.Equal("\"4\"", backend.IfMatch);
        var body = System.Text.Json.Nodes.JsonNode.Parse(backend.Body!)!.AsObject();
        Assert.Equal("new@example.com", body["businessOwner"]!["email"]!.GetValue<string>());
        Assert.Equal("customer-service", body["category"]!.GetValue<string>());
        Assert.False(body.ContainsKey("revision"));
        Assert.False(body.ContainsKey("archived"));
    }

    private sealed class CapturingBackend : HttpMessageHandler
    {
        public string? Body { get; private set; }
        public string? IfMatch { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            IfMatch = request.Headers.TryGetValues("If-Match", out var values) ? values.Single() : null;
            Body = await request.Content!.ReadAsStringAsync(cancellationToken);
            return new HttpResponseMessage(System.Net.HttpStatusCode.PreconditionFailed)
            {
                Content = new StringContent("""{"title":"Changed meanwhile","status":412}"""),
            };
        }
    }
}
