using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace AiRoi.Web.BrowserTests;

/// <summary>What the browser tests do on a page, in the product's words.</summary>
public static class Browse
{
    /// <summary>Signs in on <c>/sign-in</c> and waits for the interactive portfolio (or wherever it lands).</summary>
    public static async Task SignInAsync(IPage page, string userName, string password)
    {
        await page.GotoAsync("/sign-in");
        await page.GetByLabel("User name").FillAsync(userName);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        // Attached rather than visible: on a phone the account sits in the folded menu.
        await page.GetByTestId("signed-in-as").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await WaitForCircuitAsync(page);
    }

    /// <summary>Opens a page and waits until its circuit is interactive (prerendered buttons do nothing before).</summary>
    public static async Task GotoAsync(IPage page, string path)
    {
        await page.GotoAsync(path);
        await WaitForCircuitAsync(page);
    }

    /// <summary>Waits for the mark the layout sets after its first interactive render (wwwroot/airoi.js).</summary>
    public static Task WaitForCircuitAsync(IPage page) =>
        page.Locator("html[data-interactive=true]").WaitForAsync(new() { State = WaitForSelectorState.Attached });

    /// <summary>
    /// Writes a full-page screenshot as a test artifact, named after the step, after checking that every form field
    /// on the page has a label (its own &lt;label&gt;, aria-label or aria-labelledby).
    /// </summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        var unlabelled = await page.EvaluateAsync<string[]>(
            """
            () => [...document.querySelectorAll('input:not([type=hidden]), select, textarea')]
                .filter(field => !(field.labels && field.labels.length) && !field.getAttribute('aria-label') && !field.getAttribute('aria-labelledby'))
                .map(field => field.outerHTML)
            """);
        Assert.True(unlabelled.Length == 0, $"Fields without a label on {page.Url}: {string.Join(" ", unlabelled)}");
        await page.ScreenshotAsync(new() { Path = Path.Combine(WebStack.ArtifactsFolder, $"{name}.png"), FullPage = true });
    }

    /// <summary>
    /// Runs axe-core (WCAG 2.1 A and AA rules) on the page as it stands and fails on any serious or critical
    /// violation, naming the rule and the elements.
    /// </summary>
    public static async Task AssertNoSeriousAccessibilityViolationsAsync(IPage page)
    {
        var result = await page.RunAxe(new Deque.AxeCore.Commons.AxeRunOptions
        {
            RunOnly = new Deque.AxeCore.Commons.RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        });
        var serious = result.Violations.Where(violation => violation.Impact is "serious" or "critical")
            .Select(violation => $"{violation.Id} ({violation.Impact}): {string.Join(", ", violation.Nodes.Take(3).Select(node => string.Join(" ", node.Target)))}")
            .ToList();
        Assert.True(serious.Count == 0, $"Accessibility violations on {page.Url}:\n{string.Join("\n", serious)}");
    }
}
