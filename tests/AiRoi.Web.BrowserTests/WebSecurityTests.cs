using Microsoft.Playwright;

namespace AiRoi.Web.BrowserTests;

/// <summary>
/// The web's own defences in a real browser: its security headers and a Content-Security-Policy the pages live with
/// (no violation on any page), sign-out ending every session of the account, and repeated wrong passwords locking
/// sign-in with a message that says so.
/// </summary>
[Collection(WebStackCollection.Name)]
public sealed class WebSecurityTests(WebStack stack)
{
    [Fact]
    public async Task Every_page_carries_the_security_headers_and_breaks_no_rule_of_its_content_security_policy()
    {
        var useCase = await TestUseCase.CreateAsync(stack);
        var page = await stack.NewPageAsync();
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase) || message.Text.Contains("Refused to", StringComparison.Ordinal))
            {
                violations.Add($"{page.Url}: {message.Text}");
            }
        };

        var signIn = await page.GotoAsync("/sign-in");
        var headers = await signIn!.AllHeadersAsync();
        Assert.Contains("script-src 'self' 'nonce-", headers["content-security-policy"], StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", headers["content-security-policy"], StringComparison.Ordinal);
        Assert.Equal("nosniff", headers["x-content-type-options"]);
        Assert.Equal("DENY", headers["x-frame-options"]);
        Assert.Equal("same-origin", headers["referrer-policy"]);

        await Browse.SignInAsync(page, WebStack.AdminUserName, WebStack.AdminPassword);
        foreach (var path in new[] { "/", $"/use-cases/{useCase.Id}", $"/use-cases/{useCase.Id}/settings", "/experiments", "/experiments/new", "/data", "/data/api-keys", "/data/import", "/admin/accounts", "/status" })
        {
            await Browse.GotoAsync(page, path);
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        }
        // The charts drew: the scripts the policy allows ran.
        await Browse.GotoAsync(page, $"/use-cases/{useCase.Id}");
        await Assertions.Expect(page.Locator(".trend[data-metric='costPerTask'] svg path").First).ToBeAttachedAsync();

        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    [Fact]
    public async Task Signing_out_ends_every_session_of_the_account_at_once()
    {
        var laptop = await stack.NewPageAsync();
        var phone = await stack.NewPageAsync();
        await Browse.SignInAsync(laptop, WebStack.AdminUserName, WebStack.AdminPassword);
        await Browse.SignInAsync(phone, WebStack.AdminUserName, WebStack.AdminPassword);

        await laptop.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        // The address, not the page's load event: waiting for "load" after the redirect can miss it when it fires early.
        await Assertions.Expect(laptop).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/sign-in$"));
        await phone.GotoAsync("/experiments");

        Assert.Contains("/sign-in", phone.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Changing_the_password_signs_out_every_other_session_and_keeps_this_one()
    {
        var laptop = await stack.NewPageAsync();
        var phone = await stack.NewPageAsync();
        await Browse.SignInAsync(laptop, WebStack.AdminUserName, WebStack.AdminPassword);
        await Browse.SignInAsync(phone, WebStack.AdminUserName, WebStack.AdminPassword);
        const string interim = "airoi-admin-interim";
        try
        {
            await ChangePasswordAsync(laptop, WebStack.AdminPassword, interim);
            await Assertions.Expect(laptop.GetByTestId("password-message")).ToContainTextAsync("Your password is changed");

            await phone.GotoAsync("/experiments");
            Assert.Contains("/sign-in", phone.Url, StringComparison.Ordinal);
            await laptop.GotoAsync("/experiments");
            Assert.DoesNotContain("/sign-in", laptop.Url, StringComparison.Ordinal);
        }
        finally
        {
            // The other tests sign in with the first admin's password.
            await ChangePasswordAsync(laptop, interim, WebStack.AdminPassword);
        }
        await Assertions.Expect(laptop.GetByTestId("password-message")).ToContainTextAsync("Your password is changed");
    }

    private static async Task ChangePasswordAsync(IPage page, string current, string replacement)
    {
        await page.GotoAsync("/account/password");
        await page.GetByLabel("Current password").FillAsync(current);
        await page.GetByLabel("New password").FillAsync(replacement);
        await page.GetByRole(AriaRole.Button, new() { Name = "Change password" }).ClickAsync();
        await page.GetByTestId("password-message").WaitForAsync();
    }

    [Fact]
    public async Task Repeated_wrong_passwords_lock_sign_in_for_the_name_and_the_page_says_so()
    {
        var page = await stack.NewPageAsync();
        var name = $"guess-{Guid.NewGuid():N}"[..16];
        await page.GotoAsync("/sign-in");

        for (var attempt = 0; attempt <= 5; attempt++)
        {
            await page.GetByLabel("User name").FillAsync(name);
            await page.GetByLabel("Password").FillAsync($"wrong-{attempt}");
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
            await Assertions.Expect(page.GetByTestId("sign-in-error")).ToBeVisibleAsync();
        }
        await page.GetByLabel("User name").FillAsync(name);
        await page.GetByLabel("Password").FillAsync("wrong-again");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Assertions.Expect(page.GetByTestId("sign-in-error")).ToContainTextAsync("Too many failed sign-ins");
        // Another name from the same place is not locked.
        await Browse.SignInAsync(page, WebStack.AdminUserName, WebStack.AdminPassword);
        await Assertions.Expect(page.GetByTestId("role")).ToHaveTextAsync("admin");
    }
}
