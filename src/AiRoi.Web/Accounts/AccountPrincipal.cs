using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace AiRoi.Web.Accounts;

/// <summary>The claims of a signed-in account, and the cookie check that keeps them true.</summary>
public static class AccountPrincipal
{
    /// <summary>The claim with the name the pages show.</summary>
    public const string DisplayNameClaim = "airoi:display-name";

    /// <summary>The claim with the account's security stamp when the cookie was issued.</summary>
    public const string SecurityStampClaim = "airoi:security-stamp";

    /// <summary>The claims of <paramref name="account"/> for the sign-in cookie.</summary>
    public static ClaimsPrincipal Create(WebAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, account.Id.ToString()),
                new Claim(ClaimTypes.Name, account.UserName),
                new Claim(DisplayNameClaim, account.DisplayName),
                new Claim(ClaimTypes.Role, account.Role),
                new Claim(SecurityStampClaim, account.SecurityStamp.ToString()),
            ],
            CookieAuthenticationDefaults.AuthenticationScheme);
        return new ClaimsPrincipal(identity);
    }

    /// <summary>
    /// Re-reads the account behind a cookie on each request, so that a disabled account, or a cookie issued before the
    /// account's security stamp changed (a sign-out elsewhere, a new password), is signed out, and a changed role
    /// applies from the next page load rather than when the cookie expires.
    /// </summary>
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var userName = context.Principal?.Identity?.Name;
        var store = context.HttpContext.RequestServices.GetRequiredService<IAccountStore>();
        var found = userName is null ? null : await store.FindAsync(userName, context.HttpContext.RequestAborted);
        if (found is not { Account: { IsActive: true } account }
            || account.Id.ToString() != context.Principal!.FindFirstValue(ClaimTypes.NameIdentifier)
            || account.SecurityStamp.ToString() != context.Principal!.FindFirstValue(SecurityStampClaim))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return;
        }
        if (!context.Principal!.IsInRole(account.Role) || context.Principal.FindFirstValue(DisplayNameClaim) != account.DisplayName)
        {
            context.ReplacePrincipal(Create(account));
            context.ShouldRenew = true;
        }
    }
}
