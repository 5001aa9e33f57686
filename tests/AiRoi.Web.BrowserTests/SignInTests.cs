using Microsoft.Playwright;

namespace AiRoi.Web.BrowserTests;

[Collection(WebStackCollection.Name)]
public sealed class SignInTests(WebStack stack)
{
    [Fact]
    public async Task A_page_asks_for_sign_in_a_wrong_password_is_refused_and_the_first_admin_gets_in()
    {
        var page = await stack.NewPageAsync();

        await page.GotoAsync("/");
        Assert.Contains("/sign-in", page.Url, StringComparison.Ordinal);
        await Browse.ScreenshotAsync(page, "sign-in");

        await page.GetByLabel("User name").FillAsync(WebStack.AdminUserName);
        await page.GetByLabel("Password").FillAsync("not-the-password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("sign-in-error")).ToBeVisibleAsync();

        await Browse.SignInAsync(page, WebStack.AdminUserName, WebStack.AdminPassword);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Portfolio", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("role")).ToHaveTextAsync("admin");

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.WaitForURLAsync("**/sign-in");
        await page.GotoAsync("/");
        Assert.Contains("/sign-in", page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_last_active_admin_can_neither_disable_nor_demote_themselves()
    {
        var page = await stack.NewPageAsync();
        await Browse.SignInAsync(page, WebStack.AdminUserName, WebStack.AdminPassword);
        await Browse.GotoAsync(page, "/admin/accounts");

        await page.GetByRole(AriaRole.Button, new() { Name = $"Disable {WebStack.AdminUserName}", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Disable now" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("last active admin");
        await Assertions.Expect(page.Locator($"tr[data-account='{WebStack.AdminUserName}']")).ToContainTextAsync("Active");
        var role = page.GetByLabel($"Role of {WebStack.AdminUserName}", new() { Exact = true });
        await role.SelectOptionAsync("viewer");
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("last active admin");
        await Assertions.Expect(page.GetByLabel($"Role of {WebStack.AdminUserName}", new() { Exact = true })).ToHaveValueAsync("admin");
        var again = await stack.NewPageAsync();
        await Browse.SignInAsync(again, WebStack.AdminUserName, WebStack.AdminPassword);
        await Assertions.Expect(again.GetByTestId("role")).ToHaveTextAsync("admin");
    }

    [Fact]
    public async Task The_sign_in_form_works_with_the_keyboard_alone()
    {
        var page = await stack.NewPageAsync();
        await page.GotoAsync("/sign-in");

        // The user name field has focus on arrival; Tab reaches the password; Enter submits.
        await page.Keyboard.TypeAsync(WebStack.AdminUserName);
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync(WebStack.AdminPassword);
        await page.Keyboard.PressAsync("Enter");

        await page.GetByTestId("signed-in-as").WaitForAsync();
    }
}
