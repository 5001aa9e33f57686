using Microsoft.Playwright;

namespace AiRoi.Web.BrowserTests;

[Collection(WebStackCollection.Name)]
public sealed class PortfolioAndUseCaseTests(WebStack stack)
{
    [Fact]
    public async Task The_portfolio_lists_a_use_case_filtered_by_owner_and_one_click_opens_it_with_its_charts()
    {
        var useCase = await TestUseCase.CreateAsync(stack);
        var page = await stack.NewPageAsync();
        await Browse.SignInAsync(page, WebStack.AdminUserName, WebStack.AdminPassword);

        await Browse.GotoAsync(page, $"/?owner={Uri.EscapeDataString(useCase.Owner)}");
        var row = page.Locator($"tr[data-use-case='{useCase.Id}']");
        await Assertions.Expect(row).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("tbody tr")).ToHaveCountAsync(1);
        // Its key value metric against the baseline, and an ROI figure (go-live was four months ago).
        var costPerTask = row.Locator("li[data-metric='costPerTask']");
        await Assertions.Expect(costPerTask).ToContainTextAsync("Cost per task");
        await Assertions.Expect(costPerTask.Locator(".metric-baseline")).Not.ToHaveTextAsync("baseline —");
        await Browse.ScreenshotAsync(page, "portfolio");
        await Browse.AssertNoSeriousAccessibilityViolationsAsync(page);

        await row.GetByRole(AriaRole.Link, new() { Name = useCase.Name }).ClickAsync();
        await page.WaitForURLAsync($"**/use-cases/{useCase.Id}");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = useCase.Name, Level = 1 })).ToBeVisibleAsync();

        var trend = page.Locator(".trend[data-metric='costPerTask']");
        await Assertions.Expect(trend.Locator("svg path").First).ToBeAttachedAsync();
        // The annotation is drawn at its own date: between the ticks of its month, as far in as its day; and the
        // baseline's line is named in the key.
        await Assertions.Expect(trend.GetByText($"▼ {useCase.AnnotationTitle}")).ToBeVisibleAsync();
        await AssertMarkerAtItsDateAsync(trend, useCase.GoLive.AddDays(30));
        // No value label is cut at the chart's left edge.
        Assert.Equal(0, await trend.Locator("svg.time-chart").First.EvaluateAsync<int>(
            "svg => [...svg.querySelectorAll('.value-axis text')].filter(text => text.getBBox().x < 0).length"));
        await Assertions.Expect(trend.Locator(".key-baseline")).Not.ToHaveTextAsync("- - baseline —");
        await Assertions.Expect(page.GetByTestId("roi-value")).Not.ToHaveTextAsync("—");
        // What the AI changed net of the trend: a sentence under the chart, the counterfactual in the key, and the
        // ROI of the AI's own effect beside the before/after one.
        await Assertions.Expect(trend.GetByTestId("attribution")).ToContainTextAsync("Net of the trend it already had");
        await Assertions.Expect(trend.Locator(".key-counterfactual")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("roi-attributable-value")).Not.ToHaveTextAsync("—");
        await Assertions.Expect(page.Locator(".attribution-methods li[data-method='interrupted-time-series']").First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("vanity-metrics")).ToBeVisibleAsync();
        await Browse.ScreenshotAsync(page, "use-case");
        await Browse.AssertNoSeriousAccessibilityViolationsAsync(page);

        // Monthly instead of weekly: the chart reloads with fewer periods, the annotation still marked.
        await trend.GetByLabel("Monthly").CheckAsync();
        await Assertions.Expect(trend.GetByRole(AriaRole.Heading)).ToContainTextAsync("by month");
        await Assertions.Expect(trend.GetByText($"▼ {useCase.AnnotationTitle}")).ToBeVisibleAsync();
        await AssertMarkerAtItsDateAsync(trend, useCase.GoLive.AddDays(30));
        // The current month is not over: drawn hollow, and said so.
        await Assertions.Expect(trend.Locator("circle.point.partial")).ToHaveCountAsync(1);
        await Assertions.Expect(trend.GetByTestId("partial-period")).ToContainTextAsync("not over yet");
    }

    /// <summary>The marker of the annotation dated <paramref name="date"/> is drawn where that date is on the month ticks.</summary>
    private static async Task AssertMarkerAtItsDateAsync(ILocator trend, DateOnly date)
    {
        static double X(string? attribute) => double.Parse(attribute!, System.Globalization.CultureInfo.InvariantCulture);
        var month = new DateOnly(date.Year, date.Month, 1);
        var marker = X(await trend.Locator($"[data-annotation-date='{date:yyyy-MM-dd}'] line").GetAttributeAsync("x1"));
        var start = X(await trend.Locator($"[data-tick-month='{month:yyyy-MM-dd}']").GetAttributeAsync("x1"));
        var next = X(await trend.Locator($"[data-tick-month='{month.AddMonths(1):yyyy-MM-dd}']").GetAttributeAsync("x1"));
        var expected = start + (date.Day - 1) * (next - start) / DateTime.DaysInMonth(date.Year, date.Month);
        Assert.True(Math.Abs(marker - expected) < 0.5, $"the marker of {date:yyyy-MM-dd} is at x {marker}, its date at {expected}");
    }

    [Fact]
    public async Task The_portfolio_filters_and_opens_a_use_case_with_the_keyboard_alone()
    {
        var useCase = await TestUseCase.CreateAsync(stack);
        var page = await stack.NewPageAsync();
        await Browse.SignInAsync(page, WebStack.AdminUserName, WebStack.AdminPassword);
        await Browse.GotoAsync(page, "/");

        await page.GetByLabel("Owner").FocusAsync();
        await page.Keyboard.TypeAsync(useCase.Owner);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("tbody tr")).ToHaveCountAsync(1);

        // Tab onward until the use case's link has focus (bounded), then Enter follows it.
        var link = page.GetByRole(AriaRole.Link, new() { Name = useCase.Name });
        for (var press = 0; press < 30 && !await link.EvaluateAsync<bool>("element => element === document.activeElement"); press++)
        {
            await page.Keyboard.PressAsync("Tab");
        }
        await Assertions.Expect(link).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync($"**/use-cases/{useCase.Id}");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = useCase.Name, Level = 1 })).ToBeVisibleAsync();
    }
}
