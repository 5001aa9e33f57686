using AiRoi.Web.Accounts;
using AiRoi.Web.Backends;
using AiRoi.Web.Components.UseCases;
using Bunit;
using Microsoft.Extensions.DependencyInjection;

namespace AiRoi.Web.Tests;

public sealed class UseCasePageTests : BunitContext
{
    private const string UseCase = """
        {"id":"bot","name":"UK support bot","category":"customer-service","businessOwner":null,"aiGoLiveDate":"2026-06-01",
         "unitEconomics":{"loadedHumanCostPerHour":40,"valuePerConversion":0,"fixedMonthlyCosts":[],"currency":"GBP"},
         "primaryMetric":"costPerTask","guardrailMetrics":[],"targets":[],"customMetrics":[],"segmentDimensions":[],
         "reviewCadenceDays":30,"archived":false,"revision":1,"createdAt":"2026-06-01T00:00:00Z","updatedAt":"2026-06-01T00:00:00Z"}
        """;

    private const string KeyMetrics = """
        [{"metric":{"key":"costPerTask","name":"Cost per task","unit":"currency","aggregation":"mean","goodDirection":"lower","kind":"value","role":"output"},
          "current":{"value":4.44,"n":155,"low":1.8,"high":7.09},"baseline":null,"change":null,"targets":[]}]
        """;

    [Fact]
    public void The_use_case_page_says_which_currency_its_money_is_in_and_shows_amounts_with_it()
    {
        var backend = new FakeBackend()
            .Answer("/api/v1/use-cases/bot", UseCase)
            .Answer("/api/v1/use-cases/bot/metrics", KeyMetrics)
            .Answer("/api/v1/use-cases/bot/annotations", "[]")
            .Answer("/api/v1/organization", """{"currency":"EUR","updatedBy":"admin","updatedAt":"2026-11-01T00:00:00Z"}""");
        Services.AddSingleton(new MetricsClient(backend.Client(), TestAccounts.Gate(TestAccounts.SignedIn(WebRole.Viewer))));
        Services.AddSingleton(TimeProvider.System);
        AddAuthorization().SetAuthorized("someone").SetRoles(WebRole.Viewer).SetPolicies([WebPermission.Read]);

        var page = Render<UseCasePage>(parameters => parameters.Add(page => page.Id, "bot"));

        page.WaitForAssertion(() => Assert.Equal("Money in GBP", page.Find("[data-testid='currency']").TextContent));
        Assert.Contains("4.44 GBP", page.Find(".tile-value").TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Reading the use case", page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_use_case_is_said_in_the_products_words_naming_no_api()
    {
        var backend = new FakeBackend().Answer("/api/v1/use-cases/nope",
            """{"type":"https://airoi.dev/problems/not-found","title":"Not found","status":404,"detail":"Use case 'nope' is not registered; create it with POST /api/v1/use-cases first."}""",
            System.Net.HttpStatusCode.NotFound);
        Services.AddSingleton(new MetricsClient(backend.Client(), TestAccounts.Gate(TestAccounts.SignedIn(WebRole.Viewer))));
        Services.AddSingleton(TimeProvider.System);
        AddAuthorization().SetAuthorized("someone").SetRoles(WebRole.Viewer).SetPolicies([WebPermission.Read]);

        var page = Render<UseCasePage>(parameters => parameters.Add(page => page.Id, "nope"));

        page.WaitForAssertion(() => Assert.Contains("There is no use case “nope”.", page.Find("[data-testid='unknown-use-case']").TextContent, StringComparison.Ordinal));
        Assert.DoesNotContain("/api/v1", page.Markup, StringComparison.Ordinal);
    }
}
