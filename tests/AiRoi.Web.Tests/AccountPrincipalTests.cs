using System.Security.Claims;
using AiRoi.Web.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace AiRoi.Web.Tests;

public sealed class AccountPrincipalTests
{
    private readonly InMemoryAccountStore store = new();
    private readonly RecordingAuthentication authentication = new();

    private async Task<WebAccount> AddAsync(string role)
    {
        var account = new WebAccount(Guid.NewGuid(), $"user-{Guid.NewGuid():N}"[..12], "Someone", role, DateTimeOffset.UtcNow, null);
        await store.TryAddAsync(account, "hash", default);
        return account;
    }

    private async Task<CookieValidatePrincipalContext> ValidateAsync(ClaimsPrincipal principal)
    {
        var services = new ServiceCollection().AddSingleton<IAccountStore>(store).AddSingleton<IAuthenticationService>(authentication).BuildServiceProvider();
        var http = new DefaultHttpContext { RequestServices = services };
        var scheme = new AuthenticationScheme(CookieAuthenticationDefaults.AuthenticationScheme, null, typeof(CookieAuthenticationHandler));
        var context = new CookieValidatePrincipalContext(http, scheme, new CookieAuthenticationOptions(),
            new AuthenticationTicket(principal, CookieAuthenticationDefaults.AuthenticationScheme));
        await AccountPrincipal.ValidateAsync(context);
        return context;
    }

    [Fact]
    public async Task An_unchanged_account_keeps_its_cookie()
    {
        var account = await AddAsync(WebRole.Editor);

        var context = await ValidateAsync(AccountPrincipal.Create(account));

        Assert.True(context.Principal!.IsInRole(WebRole.Editor));
        Assert.False(context.ShouldRenew);
        Assert.False(authentication.SignedOut);
    }

    [Fact]
    public async Task A_disabled_account_is_signed_out_at_its_next_request()
    {
        var account = await AddAsync(WebRole.Editor);
        Assert.Equal(AccountUpdate.Done, await store.SetDisabledAsync(account.Id, DateTimeOffset.UtcNow, default));

        var context = await ValidateAsync(AccountPrincipal.Create(account));

        Assert.Null(context.Principal);
        Assert.True(authentication.SignedOut);
    }

    [Fact]
    public async Task A_cookie_issued_before_a_new_security_stamp_is_signed_out()
    {
        var account = await AddAsync(WebRole.Editor);
        var before = AccountPrincipal.Create((await store.FindAsync(account.UserName, default))!.Value.Account);
        await store.RotateSecurityStampAsync(account.Id, default);

        var stale = await ValidateAsync(before);
        var fresh = await ValidateAsync(AccountPrincipal.Create((await store.FindAsync(account.UserName, default))!.Value.Account));

        Assert.Null(stale.Principal);
        Assert.True(authentication.SignedOut);
        Assert.NotNull(fresh.Principal);
    }

    [Fact]
    public async Task A_changed_role_replaces_the_cookies_role()
    {
        var account = await AddAsync(WebRole.Editor);
        Assert.Equal(AccountUpdate.Done, await store.SetRoleAsync(account.Id, WebRole.Viewer, default));

        var context = await ValidateAsync(AccountPrincipal.Create(account));

        Assert.True(context.Principal!.IsInRole(WebRole.Viewer));
        Assert.False(context.Principal.IsInRole(WebRole.Editor));
        Assert.True(context.ShouldRenew);
    }

    [Fact]
    public async Task A_cookie_naming_another_account_of_the_same_name_is_refused()
    {
        var account = await AddAsync(WebRole.Viewer);
        var forged = AccountPrincipal.Create(account with { Id = Guid.NewGuid(), Role = WebRole.Admin });

        var context = await ValidateAsync(forged);

        Assert.Null(context.Principal);
    }

    private sealed class RecordingAuthentication : IAuthenticationService
    {
        public bool SignedOut { get; private set; }

        public Task SignOutAsync(HttpContext context, string? scheme, AuthenticationProperties? properties)
        {
            SignedOut = true;
            return Task.CompletedTask;
        }

        public Task<AuthenticateResult> AuthenticateAsync(HttpContext context, string? scheme) => throw new NotSupportedException();
        public Task ChallengeAsync(HttpContext context, string? scheme, AuthenticationProperties? properties) => throw new NotSupportedException();
        public Task ForbidAsync(HttpContext context, string? scheme, AuthenticationProperties? properties) => throw new NotSupportedException();
        public Task SignInAsync(HttpContext context, string? scheme, ClaimsPrincipal principal, AuthenticationProperties? properties) => throw new NotSupportedException();
    }
}
