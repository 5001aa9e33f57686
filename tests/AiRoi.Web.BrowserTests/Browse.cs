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
        await page.GetByTestId("signed-in-as").WaitForAsync();
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

    /// <summary>Writes a full-page screenshot as a test artifact, named after the test and step.</summary>
    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(WebStack.ArtifactsFolder, $"{name}.png"), FullPage = true });
}
