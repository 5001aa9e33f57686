using Microsoft.Playwright;

namespace AiRoi.Web.BrowserTests;

[Collection(WebStackCollection.Name)]
public sealed class DataTests(WebStack stack)
{
    [Fact]
    public async Task A_csv_with_one_bad_row_is_refused_with_its_line_number_and_imports_once_fixed()
    {
        var useCase = await TestUseCase.CreateAsync(stack);
        var page = await stack.NewPageAsync();
        await Browse.SignInAsync(page, WebStack.AdminUserName, WebStack.AdminPassword);
        await Browse.GotoAsync(page, $"/data/import?useCase={useCase.Id}");
        var day = DateTime.UtcNow.Date.AddDays(-300).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        string Csv(int csatOnLine3) =>
            "eventId,startedAt,completedAt,handler,resolved,csat\n" +
            $"import-1,{day}T09:00:00Z,{day}T09:30:00Z,human,true,4\n" +
            $"import-2,{day}T10:00:00Z,{day}T10:20:00Z,human,false,{csatOnLine3}\n" +
            $"import-3,{day}T11:00:00Z,{day}T11:45:00Z,human,true,5\n";

        await Assertions.Expect(page.GetByLabel("Use case")).ToHaveValueAsync(useCase.Id);
        await page.GetByLabel("…or paste the CSV").FillAsync(Csv(csatOnLine3: 9));
        await page.GetByRole(AriaRole.Button, new() { Name = "Import" }).ClickAsync();

        var line = page.Locator("[data-testid='import-errors'] tr[data-line='3']");
        await Assertions.Expect(line).ToContainTextAsync("csat");
        await Assertions.Expect(page.Locator("[data-testid='import-errors'] tbody tr")).ToHaveCountAsync(1);
        await Browse.ScreenshotAsync(page, "csv-import-refused");

        await page.GetByLabel("…or paste the CSV").FillAsync(Csv(csatOnLine3: 2));
        await page.GetByRole(AriaRole.Button, new() { Name = "Import" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("import-result")).ToContainTextAsync("Imported 3 events");

        // The data page counts the refused file's rows under the use case and says why, from the keyboard too.
        await Browse.GotoAsync(page, "/data");
        var refused = page.Locator($"tr[data-use-case='{useCase.Id}'] [data-testid='refused'] button");
        await Assertions.Expect(refused).ToContainTextAsync("3 refused");
        await refused.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        var reasons = page.GetByRole(AriaRole.Table, new() { Name = $"Why events of {useCase.Name} were refused" });
        await Assertions.Expect(reasons.Locator("tr[data-code='out-of-range']")).ToContainTextAsync("line 3");
        await Assertions.Expect(reasons.Locator("tr[data-code='refused-with-batch']")).ToContainTextAsync("2");
        await Browse.ScreenshotAsync(page, "data-refused-events");
    }

    [Fact]
    public async Task A_new_api_keys_secret_is_shown_once_and_the_key_can_be_revoked()
    {
        var page = await stack.NewPageAsync();
        await Browse.SignInAsync(page, WebStack.AdminUserName, WebStack.AdminPassword);
        await Browse.GotoAsync(page, "/data/api-keys");
        var name = $"Browser key {Guid.NewGuid():N}"[..20];

        await page.GetByLabel("Name").FillAsync(name);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create key" }).ClickAsync();
        var secret = await page.Locator("[data-testid='new-secret'] .secret").TextContentAsync();
        Assert.False(string.IsNullOrWhiteSpace(secret));
        await Browse.ScreenshotAsync(page, "api-keys");

        await page.ReloadAsync();
        await Browse.WaitForCircuitAsync(page);
        await Assertions.Expect(page.GetByRole(AriaRole.Rowheader, new() { Name = name })).ToBeVisibleAsync();
        Assert.DoesNotContain(secret!, await page.ContentAsync(), StringComparison.Ordinal);

        await page.GetByRole(AriaRole.Button, new() { Name = $"Revoke {name}" }).ClickAsync();
        // It asks first; nothing is revoked until confirmed.
        await Assertions.Expect(page.GetByTestId("confirm")).ToContainTextAsync("cannot be undone");
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = name })).Not.ToContainTextAsync("Revoked");
        await page.GetByRole(AriaRole.Button, new() { Name = "Revoke now" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = name })).ToContainTextAsync("Revoked");
    }

    [Fact]
    public async Task A_metric_table_downloads_as_csv_with_its_figures_unformatted()
    {
        var useCase = await TestUseCase.CreateAsync(stack);
        var page = await stack.NewPageAsync();
        await Browse.SignInAsync(page, WebStack.AdminUserName, WebStack.AdminPassword);
        await Browse.GotoAsync(page, $"/use-cases/{useCase.Id}");

        var group = page.GetByTestId("output-metrics");
        var download = await page.RunAndWaitForDownloadAsync(() => group.GetByTestId("csv-download").ClickAsync());
        Assert.Equal($"{useCase.Id}-output-metrics.csv", download.SuggestedFilename);
        var csv = (await File.ReadAllTextAsync((await download.PathAsync())!)).TrimStart('\uFEFF');
        Assert.StartsWith("metric,name,kind,role,unit,currency,last28Days", csv, StringComparison.Ordinal);
        // Amounts name their currency (the organization's here); rates and times leave it empty.
        var currency = (await stack.CallAsync("metrics", HttpMethod.Get, "/api/v1/organization"))!["currency"]!.GetValue<string>();
        Assert.Contains($"\r\ncostPerTask,Cost per task,value,output,currency,{currency},", csv, StringComparison.Ordinal);
        Assert.Contains("\r\nfcrRate,First-contact resolution rate,value,output,ratio,,", csv, StringComparison.Ordinal);
        // The same figure the API gives, not the page's rounded text.
        var tiles = await stack.CallAsync("metrics", HttpMethod.Get, $"/api/v1/use-cases/{useCase.Id}/metrics");
        var cost = tiles!.AsArray().Single(tile => tile!["metric"]!["key"]!.GetValue<string>() == "costPerTask")!["current"]!["value"]!.GetValue<double>();
        var row = csv.Split("\r\n").Single(line => line.StartsWith("costPerTask,", StringComparison.Ordinal)).Split(',');
        Assert.Equal(cost, double.Parse(row[6], System.Globalization.CultureInfo.InvariantCulture), 9);
    }
}
