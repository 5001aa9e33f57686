using Xunit.Abstractions;
using Microsoft.Playwright;

namespace AiRoi.Web.BrowserTests;

[Collection(WebStackCollection.Name)]
public sealed class FirstRunTests(WebStack stack, ITestOutputHelper output)
{
    /// <summary>About 42,000 events and two experiments through the public APIs; a loaded 2-core machine gets room.</summary>
    private static readonly TimeSpan DemoTimeout = TimeSpan.FromMinutes(6);

    [Fact]
    public async Task A_first_run_shows_the_demo_portfolio_across_the_categories_with_a_running_and_a_concluded_experiment()
    {
        await stack.WaitForDemoAsync(DemoTimeout);
        output.WriteLine($"The demo seeder finished {(DateTimeOffset.UtcNow - stack.HealthyAt).TotalSeconds:0} s after the stack was healthy (or earlier).");
        var page = await stack.NewPageAsync();
        await Browse.SignInAsync(page, WebStack.AdminUserName, WebStack.AdminPassword);

        await Browse.GotoAsync(page, "/");
        var demoRows = page.Locator("tr[data-use-case^='demo-']");
        await Assertions.Expect(demoRows).ToHaveCountAsync(7);
        foreach (var category in new[] { "Customer service", "Sales", "Marketing", "Operations", "Content" })
        {
            await Assertions.Expect(demoRows.Filter(new() { HasText = category }).First).ToBeVisibleAsync();
        }
        // The pipeline without a baseline is flagged; the chatbot has one and an ROI figure.
        await Assertions.Expect(page.Locator("tr[data-use-case='demo-invoice-extraction'] [data-check='no-baseline']")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("tr[data-use-case='demo-support-bot'] li[data-metric='fcrRate'] .metric-baseline")).Not.ToHaveTextAsync("baseline —");
        await Browse.ScreenshotAsync(page, "first-run-portfolio");

        await Browse.GotoAsync(page, "/use-cases/demo-support-bot");
        var fcr = page.Locator(".trend[data-metric='fcrRate']");
        await Assertions.Expect(fcr.GetByText("▼ Prompt v4: retrieval of the billing FAQ")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid='vanity-metrics'] tr[data-metric='modelConfidence']")).ToBeVisibleAsync();
        await Browse.ScreenshotAsync(page, "first-run-use-case");

        await Browse.GotoAsync(page, "/experiments");
        await Assertions.Expect(page.Locator("tr[data-experiment]").Filter(new() { HasText = "Prompt v5 against v4" })).ToContainTextAsync("Running");
        var concluded = page.Locator("tr[data-experiment]").Filter(new() { HasText = "Personalised opener" });
        await Assertions.Expect(concluded).ToContainTextAsync("Concluded");
        await concluded.GetByRole(AriaRole.Link, new() { Name = "Personalised opener" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-metric='conversionRate'] [data-testid='lift']").First).ToBeVisibleAsync();
        await Browse.ScreenshotAsync(page, "first-run-experiment");

        await Browse.GotoAsync(page, "/experiments");
        await Browse.ScreenshotAsync(page, "experiments");
        await Browse.GotoAsync(page, "/data");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show events per day of EMEA support chatbot" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("events-per-day")).ToContainTextAsync("demo-support-bot");
        // The demo's misconfigured survey connector: one refused batch, counted under the use case with its reason.
        await Assertions.Expect(page.Locator("tr[data-use-case='demo-support-bot'] [data-testid='refused']")).ToContainTextAsync("40 refused");
        await Browse.ScreenshotAsync(page, "data");
        await Browse.GotoAsync(page, "/status");
        await Assertions.Expect(page.Locator("tr[data-service='metrics']")).ToContainTextAsync("answering");
        await Browse.ScreenshotAsync(page, "status");
    }
}
