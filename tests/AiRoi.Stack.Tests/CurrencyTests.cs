using System.Net;
using System.Text.Json.Nodes;

namespace AiRoi.Stack.Tests;

/// <summary>
/// Money has a currency: the organization's (set by admins), or a use case's own; the portfolio adds up only amounts
/// in the organization's and counts the rest apart.
/// </summary>
[Collection(StackCollection.Name)]
public sealed class CurrencyTests(StackFixture stack)
{
    private static JsonObject UseCase(string id, string currency) => new()
    {
        ["id"] = id,
        ["name"] = $"UK claims triage {id}",
        ["category"] = "operations",
        ["businessOwner"] = new JsonObject { ["name"] = "Sam Okafor", ["email"] = "sam@example.com" },
        ["aiGoLiveDate"] = "2026-06-01",
        ["unitEconomics"] = new JsonObject
        {
            ["loadedHumanCostPerHour"] = 38,
            ["valuePerConversion"] = 0,
            ["currency"] = currency,
            ["fixedMonthlyCosts"] = new JsonArray(new JsonObject { ["name"] = "Platform", ["amount"] = 900 }),
        },
        ["primaryMetric"] = "costPerTask",
    };

    [Fact]
    public async Task The_organization_currency_is_set_by_admins_and_the_portfolio_adds_up_only_amounts_in_it()
    {
        var before = (await StackHttp.SendAsync(stack, "metrics", HttpMethod.Get, "/api/v1/organization")).Body["currency"]!.GetValue<string>();
        var refused = await StackHttp.SendAsync(stack, "metrics", HttpMethod.Put, "/api/v1/organization", new JsonObject { ["currency"] = "euro" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Equal("currency", refused.Body["field"]!.GetValue<string>());
        try
        {
            var set = await StackHttp.SendAsync(stack, "metrics", HttpMethod.Put, "/api/v1/organization", new JsonObject { ["currency"] = "EUR" });
            Assert.Equal(HttpStatusCode.OK, set.Status);
            Assert.Equal("EUR", set.Body["currency"]!.GetValue<string>());
            Assert.Equal("EUR", (await StackHttp.SendAsync(stack, "metrics", HttpMethod.Get, "/api/v1/organization")).Body["currency"]!.GetValue<string>());

            // A made-up currency is refused naming the field; a real one is kept with the use case.
            var id = $"gbp-{Guid.NewGuid():N}"[..20];
            var madeUp = await StackHttp.SendAsync(stack, "metrics", HttpMethod.Post, "/api/v1/use-cases", UseCase(id, "QQQ"));
            Assert.Equal(HttpStatusCode.BadRequest, madeUp.Status);
            Assert.Equal("unitEconomics.currency", madeUp.Body["field"]!.GetValue<string>());
            var created = await StackHttp.SendAsync(stack, "metrics", HttpMethod.Post, "/api/v1/use-cases", UseCase(id, "GBP"));
            Assert.True(created.Status == HttpStatusCode.Created, created.Node?.ToJsonString());
            Assert.Equal("GBP", created.Body["unitEconomics"]!["currency"]!.GetValue<string>());

            var portfolio = await PortfolioAsync();
            Assert.Equal("EUR", portfolio["currency"]!.GetValue<string>());
            var row = portfolio["useCases"]!.AsArray().Single(entry => entry!["id"]!.GetValue<string>() == id)!;
            Assert.Equal("GBP", row["currency"]!.GetValue<string>());
            Assert.True(portfolio["notAdded"]!["GBP"]!.GetValue<int>() >= 1);
        }
        finally
        {
            Assert.Equal(HttpStatusCode.OK, (await StackHttp.SendAsync(stack, "metrics", HttpMethod.Put, "/api/v1/organization", new JsonObject { ["currency"] = before })).Status);
        }
    }

    /// <summary>The portfolio as a client reads it: a 503 (a grain activating) is sent again, for up to 30 s.</summary>
    private async Task<JsonObject> PortfolioAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var answer = await StackHttp.SendAsync(stack, "metrics", HttpMethod.Get, "/api/v1/portfolio");
            if (answer.Status != HttpStatusCode.ServiceUnavailable || DateTime.UtcNow > deadline)
            {
                Assert.True(answer.Status == HttpStatusCode.OK, answer.Node?.ToJsonString());
                return answer.Body;
            }
            await Task.Delay(500);
        }
    }
}
