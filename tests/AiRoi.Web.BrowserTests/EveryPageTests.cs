using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace AiRoi.Web.BrowserTests;

/// <summary>
/// Every page at a desktop's width and a phone's (390 px): nothing scrolls sideways, axe-core finds no serious
/// violation, and a screenshot of each is kept; on the phone the header folds into a menu.
/// </summary>
[Collection(WebStackCollection.Name)]
public sealed partial class EveryPageTests(WebStack stack)
{
    [GeneratedRegex("^Reading")]
    private static partial Regex Reading();

    [Theory]
    [InlineData("desktop", 1400, 1000)]
    [InlineData("phone", 390, 844)]
    public async Task Every_page_fits_the_screen_without_sideways_scroll_and_has_no_serious_accessibility_violation(string device, int width, int height)
    {
        // Every page as a first run shows it: the demo portfolio filled in, and one use case of the test's own.
        await stack.WaitForDemoAsync(TimeSpan.FromMinutes(6));
        var useCase = await TestUseCase.CreateAsync(stack);
        var page = await stack.NewPageAsync();
        await page.SetViewportSizeAsync(width, height);
        var console = new List<string>();
        page.Console += (_, message) => console.Add($"{message.Type}: {message.Text}");
        page.Response += (_, response) => { if (response.Status >= 400) { console.Add($"{response.Status} {response.Url}"); } };
        await Browse.SignInAsync(page, WebStack.AdminUserName, WebStack.AdminPassword);
        (string Name, string Path)[] pages =
        [
            ("portfolio", "/"), ("use-case", $"/use-cases/{useCase.Id}"), ("use-case-settings", $"/use-cases/{useCase.Id}/settings"), ("new-use-case", "/use-cases/new"), ("alerts", "/alerts"), ("digests", "/digests"), ("ai-cost", "/ai-cost"),
            ("experiments", "/experiments"), ("new-experiment", "/experiments/new"), ("data", "/data"), ("csv-import", "/data/import"),
            ("api-keys", "/data/api-keys"), ("accounts", "/admin/accounts"), ("change-password", "/account/password"), ("status", "/status"),
        ];

        foreach (var (name, path) in pages)
        {
            if (path == "/account/password")
            {
                // Rendered on the server without a circuit: it sets the cookie on its own response.
                await page.GotoAsync(path);
            }
            else
            {
                await Browse.GotoAsync(page, path);
            }
            var stillReading = page.GetByText(Reading());
            await stillReading.First.WaitForAsync(new() { State = WaitForSelectorState.Detached, Timeout = (float)WebStack.CallTimeout.TotalMilliseconds }).ContinueWith(_ => Task.CompletedTask);
            Assert.True(await stillReading.CountAsync() == 0, $"{path} is still reading: {string.Join(" | ", await stillReading.AllTextContentsAsync())}\n{string.Join("\n", console)}\nerror UI: {await page.Locator("#blazor-error-ui").IsVisibleAsync()}\n{await page.Locator("main").InnerHTMLAsync()}");
            var sideways = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
            Assert.True(sideways <= 0, $"{path} scrolls sideways by {sideways} px at {width} px, past the edge: " + await page.EvaluateAsync<string>(
                "() => { const wide = [...document.querySelectorAll('main *')].filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1); const chain = []; for (let e = wide[wide.length - 1]; e; e = e.parentElement) chain.push(e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().width) + ' ' + getComputedStyle(e).display + '/' + getComputedStyle(e).flexDirection + '/' + getComputedStyle(e).whiteSpace); return chain.join(' < '); }"));
            await Browse.ScreenshotAsync(page, $"{name}-{device}");
            await Browse.AssertNoSeriousAccessibilityViolationsAsync(page);
        }

        var menu = page.GetByRole(AriaRole.Button, new() { Name = "Menu" });
        var experiments = page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Experiments" });
        if (device == "phone")
        {
            // Folded: the links appear once the menu is opened, and following one folds it again.
            await Assertions.Expect(experiments).Not.ToBeVisibleAsync();
            await menu.ClickAsync();
            await Assertions.Expect(menu).ToHaveAttributeAsync("aria-expanded", "true");
            await experiments.ClickAsync();
            await page.WaitForURLAsync("**/experiments");
            await Assertions.Expect(menu).ToHaveAttributeAsync("aria-expanded", "false");
        }
        else
        {
            await Assertions.Expect(menu).Not.ToBeVisibleAsync();
            await Assertions.Expect(experiments).ToBeVisibleAsync();
        }
    }
}
