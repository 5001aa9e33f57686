using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;

namespace AiRoi.Web.Accounts;

/// <summary>The sign-out endpoint (sign-in is the static page <c>/sign-in</c>, which needs the response to set its cookie).</summary>
public static class AccountEndpoints
{
    /// <summary>The path the sign-out form posts to.</summary>
    public const string SignOutPath = "/account/sign-out";

    /// <summary>Maps <see cref="SignOutPath"/>; a form post with the antiforgery token, so no other site can sign a person out.</summary>
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        // Binding a form field is what makes the endpoint demand the antiforgery token the form carries.
        app.MapPost(SignOutPath, async (HttpContext http, IAccountStore accounts, [FromForm(Name = "__RequestVerificationToken")] string? token) =>
        {
            // A new security stamp ends every cookie of the account, on every device, not just this one.
            if (Guid.TryParse(http.User.FindFirstValue(ClaimTypes.NameIdentifier), out var id))
            {
                await accounts.RotateSecurityStampAsync(id, http.RequestAborted);
            }
            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return TypedResults.LocalRedirect("/sign-in");
        });
        return app;
    }
}
