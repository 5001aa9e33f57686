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

        await form.GetByLabel("Tokens").SelectOptionAsync(new SelectOptionValue { Label = "cached input" });
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
}
