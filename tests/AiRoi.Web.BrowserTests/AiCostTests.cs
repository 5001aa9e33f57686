using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace AiRoi.Web.BrowserTests;

/// <summary>An editor sets a model's price in the web and sees what pricing the recorded calls again would change.</summary>
[Collection(WebStackCollection.Name)]
public sealed class AiCostTests(WebStack stack)
{
    [Fact]
    public async Task An_editor_adds_a_price_that_the_price_book_lists_and_previews_a_recomputation()
    {
        var model = $"web-model-{Guid.NewGuid():N}"[..20];
        var page = await stack.NewPageAsync();
        await Browse.SignInAsync(page, WebStack.AdminUserName, WebStack.AdminPassword);
        await Browse.GotoAsync(page, "/ai-cost");
        await Assertions.Expect(page.Locator("pre.code")).ToContainTextAsync("/v1/traces");

        var form = page.GetByTestId("new-price");
        await form.GetByLabel("Model (exact name").FillAsync(model);
        await form.GetByLabel("Price of a million tokens").FillAsync("-3");
        await form.GetByRole(AriaRole.Button, new() { Name = "Add price" }).ClickAsync();
        await Assertions.Expect(form).ToContainTextAsync("Price of a million tokens must be from 0");

        await form.GetByLabel("Tokens", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "cached input" });
        await form.GetByLabel("Price of a million tokens").FillAsync("1.25");
        await form.GetByRole(AriaRole.Button, new() { Name = "Add price" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("price-added")).ToContainTextAsync($"{model}, cached input, 1.25 USD a million tokens");
        var row = page.Locator("tr[data-price]").Filter(new() { HasText = model });
        await Assertions.Expect(row).ToContainTextAsync("yours");
        await Assertions.Expect(page.Locator("tr[data-price]").Filter(new() { HasText = "gpt-4o-mini*" }).First).ToContainTextAsync("built-in list price");

        await page.GetByRole(AriaRole.Button, new() { Name = "Show what would change" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("recompute").GetByRole(AriaRole.Status).Or(page.GetByRole(AriaRole.Table, new() { Name = "AI cost before and after" }))).ToBeVisibleAsync();
        await Browse.ScreenshotAsync(page, "ai-cost");
    }

    [Fact]
    public async Task The_portfolio_shows_ai_spend_that_never_found_its_outcome()
    {
        var useCase = await TestUseCase.CreateAsync(stack);
        var start = DateTimeOffset.UtcNow.AddDays(-9).ToUnixTimeMilliseconds() * 1_000_000;
        JsonObject Attribute(string key, JsonObject value) => new() { ["key"] = key, ["value"] = value };
        await stack.CallAsync("ingestion", HttpMethod.Post, "/v1/traces", new JsonObject
        {
            ["resourceSpans"] = new JsonArray(new JsonObject
            {
                ["scopeSpans"] = new JsonArray(new JsonObject
                {
                    ["spans"] = new JsonArray(new JsonObject
                    {
                        ["traceId"] = Guid.NewGuid().ToString("N"),
                        ["spanId"] = "00f067aa0ba902b7",
                        ["name"] = "chat",
                        ["startTimeUnixNano"] = start.ToString(CultureInfo.InvariantCulture),
                        ["endTimeUnixNano"] = (start + 1_000_000).ToString(CultureInfo.InvariantCulture),
                        ["attributes"] = new JsonArray(
                            Attribute("gen_ai.request.model", new JsonObject { ["stringValue"] = "gpt-4o" }),
                            Attribute("gen_ai.usage.input_tokens", new JsonObject { ["intValue"] = "400000" }),
                            Attribute("airoi.use_case_id", new JsonObject { ["stringValue"] = useCase.Id }),
                            Attribute("airoi.event_id", new JsonObject { ["stringValue"] = "never-sent" })),
                    }),
                }),
            }),
        });

        var page = await stack.NewPageAsync();
        await Browse.SignInAsync(page, WebStack.AdminUserName, WebStack.AdminPassword);
        var entry = page.GetByTestId("ai-spend-with-no-outcome").Locator($"li[data-use-case='{useCase.Id}']");
        var deadline = DateTime.UtcNow.AddSeconds(40);
        while (true)
        {
            await Browse.GotoAsync(page, "/");
            await page.GetByRole(AriaRole.Table, new() { Name = "Use cases" }).WaitForAsync();
            if (await entry.CountAsync() > 0)
            {
                break;
            }
            Assert.True(DateTime.UtcNow < deadline, "The portfolio never showed the use case's spend with no outcome.");
            await Task.Delay(1000);
        }
        // 400,000 input tokens of gpt-4o at the built-in $2.50 a million.
        await Assertions.Expect(entry).ToContainTextAsync($"{useCase.Name}: 1 call, 1.00 USD");
    }
}
