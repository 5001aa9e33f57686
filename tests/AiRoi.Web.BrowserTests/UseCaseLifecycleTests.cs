using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace AiRoi.Web.BrowserTests;

/// <summary>
/// What a business user does without the API: register a use case, set a rate target typed as a percentage, archive
/// and bring it back; choose a period and compare; download a chart's data; read dates in their own language.
/// </summary>
[Collection(WebStackCollection.Name)]
public sealed class UseCaseLifecycleTests(WebStack stack)
{
    [Fact]
    public async Task An_editor_registers_a_use_case_sets_a_rate_target_in_percent_archives_it_and_brings_it_back()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var name = $"Claims triage {suffix}";
        var page = await stack.NewPageAsync();
        await Browse.SignInAsync(page, WebStack.AdminUserName, WebStack.AdminPassword);
        await Browse.GotoAsync(page, "/");

        await page.GetByTestId("new-use-case-link").ClickAsync();
        await Browse.WaitForCircuitAsync(page);
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync(name);
        await page.GetByLabel("Name", new() { Exact = true }).BlurAsync();
        // The id follows the name: lower case, hyphens.
        await Assertions.Expect(page.Locator("#new-id")).ToHaveValueAsync($"claims-triage-{suffix}");
        await page.GetByLabel("Category").SelectOptionAsync("Operations");
        await page.GetByLabel("Business owner").FillAsync("Noor Haddad");
        await page.GetByLabel("Owner's e-mail").FillAsync("not-an-address");
        await page.GetByRole(AriaRole.Button, new() { Name = "Register the use case" }).ClickAsync();
        // The registry's refusal names the field as the form labels it, never as the API spells it.
        var emailError = page.Locator("[data-field='businessOwner.email']");
        await Assertions.Expect(emailError).ToContainTextAsync("Owner's e-mail must be an e-mail address");
        Assert.DoesNotContain("businessOwner", await emailError.TextContentAsync(), StringComparison.Ordinal);

        await page.GetByLabel("Owner's e-mail").FillAsync($"noor-{suffix}@example.com");
        await page.GetByRole(AriaRole.Button, new() { Name = "Register the use case" }).ClickAsync();
        var id = $"claims-triage-{suffix}";
        await page.WaitForURLAsync($"**/use-cases/{id}/settings");
        var stored = await stack.CallAsync("metrics", HttpMethod.Get, $"/api/v1/use-cases/{id}");
        Assert.Equal(name, stored!["name"]!.GetValue<string>());
        Assert.Equal("operations", stored["category"]!.GetValue<string>());
        Assert.Equal($"noor-{suffix}@example.com", stored["businessOwner"]!["email"]!.GetValue<string>());

        // A rate is typed as a percentage: 150 is refused in the form's words and nothing is sent; 85 is stored as 0.85.
        await Browse.WaitForCircuitAsync(page);
        var targets = page.GetByTestId("targets-form");
        await targets.GetByRole(AriaRole.Button, new() { Name = "Add a target" }).ClickAsync();
        await targets.Locator("#target-metric-0").SelectOptionAsync(new SelectOptionValue { Label = "Exception rate" });
        await targets.Locator("#target-direction-0").SelectOptionAsync("AtMost");
        await Assertions.Expect(targets.Locator("label[for='target-value-0']")).ToContainTextAsync("(%)");
        await targets.Locator("#target-value-0").FillAsync("150");
        await targets.GetByRole(AriaRole.Button, new() { Name = "Save targets" }).ClickAsync();
        await Assertions.Expect(targets.Locator("#target-value-errors-0")).ToHaveTextAsync("Value of target 1 is a percentage: enter a number from 0 to 100 (85 for 85 %).");
        Assert.Empty((await stack.CallAsync("metrics", HttpMethod.Get, $"/api/v1/use-cases/{id}"))!["targets"]!.AsArray());
        await targets.Locator("#target-value-0").FillAsync("8.5");
        await targets.GetByRole(AriaRole.Button, new() { Name = "Save targets" }).ClickAsync();
        await Assertions.Expect(targets.GetByText("Targets saved.")).ToBeVisibleAsync();
        stored = await stack.CallAsync("metrics", HttpMethod.Get, $"/api/v1/use-cases/{id}");
        Assert.Equal(0.085, stored!["targets"]![0]!["value"]!.GetValue<double>(), 12);
        await Browse.ScreenshotAsync(page, "new-use-case-settings");

        // Archiving asks first; once archived the use case leaves the portfolio and is listed apart.
        var archive = page.GetByTestId("archive-form");
        await archive.GetByRole(AriaRole.Button, new() { Name = "Archive", Exact = true }).ClickAsync();
        await Assertions.Expect(archive.GetByTestId("confirm")).ToContainTextAsync("Events sent for it will be refused");
        await archive.GetByRole(AriaRole.Button, new() { Name = "Archive now" }).ClickAsync();
        await Assertions.Expect(archive.GetByRole(AriaRole.Heading, new() { Name = "Archived" })).ToBeVisibleAsync();
        Assert.True((await stack.CallAsync("metrics", HttpMethod.Get, $"/api/v1/use-cases/{id}"))!["archived"]!.GetValue<bool>());
        await Browse.GotoAsync(page, "/");
        await Assertions.Expect(page.Locator($"tr[data-use-case='{id}']")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("archived")).ToContainTextAsync(name);

        await Browse.GotoAsync(page, $"/use-cases/{id}/settings");
        archive = page.GetByTestId("archive-form");
        await archive.GetByRole(AriaRole.Button, new() { Name = "Bring back" }).ClickAsync();
        await archive.GetByRole(AriaRole.Button, new() { Name = "Bring it back" }).ClickAsync();
        await Assertions.Expect(archive.GetByRole(AriaRole.Heading, new() { Name = "Retire this use case" })).ToBeVisibleAsync();
        Assert.False((await stack.CallAsync("metrics", HttpMethod.Get, $"/api/v1/use-cases/{id}"))!["archived"]!.GetValue<bool>());
    }

    [Fact]
    public async Task A_chosen_period_and_its_comparison_are_in_the_address_and_the_charts_data_downloads_as_csv()
    {
        var useCase = await TestUseCase.CreateAsync(stack);
        var page = await stack.NewPageAsync();
        await Browse.SignInAsync(page, WebStack.AdminUserName, WebStack.AdminPassword);
        await Browse.GotoAsync(page, $"/?owner={Uri.EscapeDataString(useCase.Owner)}");

        await page.GetByLabel("Period", new() { Exact = true }).SelectOptionAsync("last-30-days");
        await page.WaitForURLAsync(new Regex("from=\\d{4}-\\d{2}-\\d{2}"));
        await page.GetByLabel("Compare with the period before").ClickAsync();
        await page.WaitForURLAsync(new Regex("compare=previous"));
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var query = new Uri(page.Url).Query;
        Assert.Contains($"from={Iso(today.AddDays(-29))}", query, StringComparison.Ordinal);
        Assert.Contains($"owner=", query, StringComparison.Ordinal);

        var row = page.Locator($"tr[data-use-case='{useCase.Id}']");
        await Assertions.Expect(page.GetByRole(AriaRole.Columnheader, new() { Name = $"ROI, {Us(today.AddDays(-29))} to {Us(today)}" })).ToBeVisibleAsync();
        await Assertions.Expect(row.GetByTestId("net-benefit-before")).ToContainTextAsync("period before:");
        // The same view opens from the address alone: a link can be shared.
        var shared = await stack.NewPageAsync();
        await Browse.SignInAsync(shared, WebStack.AdminUserName, WebStack.AdminPassword);
        await Browse.GotoAsync(shared, new Uri(page.Url).PathAndQuery);
        await Assertions.Expect(shared.Locator($"tr[data-use-case='{useCase.Id}'] [data-testid='net-benefit-before']")).ToBeVisibleAsync();

        var chart = page.GetByTestId("portfolio-chart");
        await Assertions.Expect(chart.Locator($"g[data-use-case='{useCase.Name}'] rect")).ToBeVisibleAsync();
        var download = await page.RunAndWaitForDownloadAsync(() => chart.GetByTestId("csv-download").ClickAsync());
        Assert.Equal("portfolio-net-benefit.csv", download.SuggestedFilename);
        var csv = await File.ReadAllTextAsync((await download.PathAsync())!);
        var lines = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("useCaseId,name,currency,netBenefit,", lines[0], StringComparison.Ordinal);
        var mine = lines.Single(line => line.StartsWith(useCase.Id + ",", StringComparison.Ordinal)).Split(',');
        // The figure unformatted, as a spreadsheet computes with it; the same as the API's for the same period.
        var api = await stack.CallAsync("metrics", HttpMethod.Get,
            $"/api/v1/portfolio?owner={Uri.EscapeDataString(useCase.Owner)}&from={Iso(today.AddDays(-29))}&to={Iso(today)}");
        var expected = api!["useCases"]!.AsArray().Single(entry => entry!["id"]!.GetValue<string>() == useCase.Id)!["roi"]!["netBenefit"]!["value"]!.GetValue<double>();
        Assert.Equal(expected, double.Parse(mine[3], CultureInfo.InvariantCulture), 6);
        await Browse.ScreenshotAsync(page, "portfolio-period-compare");
    }

    [Fact]
    public async Task Dates_follow_the_browsers_language_while_the_address_keeps_iso_days()
    {
        var useCase = await TestUseCase.CreateAsync(stack);
        var british = await stack.NewPageAsync(locale: "en-GB");
        await Browse.SignInAsync(british, WebStack.AdminUserName, WebStack.AdminPassword);
        await Browse.GotoAsync(british, $"/use-cases/{useCase.Id}");
        await Assertions.Expect(british.Locator(".use-case-facts")).ToContainTextAsync($"AI live since {useCase.GoLive.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}");

        var american = await stack.NewPageAsync(locale: "en-US");
        await Browse.SignInAsync(american, WebStack.AdminUserName, WebStack.AdminPassword);
        await Browse.GotoAsync(american, $"/use-cases/{useCase.Id}");
        await Assertions.Expect(american.Locator(".use-case-facts")).ToContainTextAsync($"AI live since {Us(useCase.GoLive)}");
    }

    private static string Us(DateOnly day) => day.ToString("M/d/yyyy", CultureInfo.InvariantCulture);

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
