using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;

namespace AiRoi.Web.Accounts;

/// <summary>
/// The server-side check before every write. Pages hide what a role may not do, but a hidden button is not a
/// refusal: each write goes through here, with the account of the circuit (or request) that asks.
/// </summary>
public sealed class AccessGate(AuthenticationStateProvider authentication)
{
    /// <summary>The signed-in account's claims (an anonymous principal when nobody is signed in).</summary>
    public async Task<ClaimsPrincipal> UserAsync() => (await authentication.GetAuthenticationStateAsync()).User;

    /// <summary>Whether the signed-in account holds <paramref name="permission"/> (a <see cref="WebPermission"/>).</summary>
    public async Task<bool> HoldsAsync(string permission) => Holds(await UserAsync(), permission);

    /// <summary>
    /// The signed-in account, which holds <paramref name="permission"/>; throws <see cref="AccessRefusedException"/>
    /// when it does not.
    /// </summary>
    public async Task<ClaimsPrincipal> DemandAsync(string permission)
    {
        var user = await UserAsync();
        if (!Holds(user, permission))
        {
            throw new AccessRefusedException(permission, user.FindFirstValue(ClaimTypes.Role));
        }
        return user;
    }

    /// <summary>Whether <paramref name="user"/> is signed in with a role that holds <paramref name="permission"/>.</summary>
    public static bool Holds(ClaimsPrincipal user, string permission)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.Identity?.IsAuthenticated == true && WebPermission.RolesFor(permission).Any(user.IsInRole);
    }
}

/// <summary>A write asked for by an account whose role does not allow it.</summary>
public sealed class AccessRefusedException(string permission, string? role)
    : InvalidOperationException(Describe(permission, role))
{
    /// <summary>The permission that was needed.</summary>
    public string Permission { get; } = permission;

    private static string Describe(string permission, string? role) => role is null
        ? "Sign in to make changes."
        : $"Your role ({role}) may not do this; it needs {string.Join(" or ", WebPermission.RolesFor(permission))}.";
}
