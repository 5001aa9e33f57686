using System.Security.Claims;
using AiRoi.Web.Accounts;
using Microsoft.AspNetCore.Components.Authorization;

namespace AiRoi.Web.Tests;

/// <summary>Signed-in principals and an authentication state provider that hands one out.</summary>
public static class TestAccounts
{
    /// <summary>A signed-in account with <paramref name="role"/>.</summary>
    public static ClaimsPrincipal SignedIn(string role) =>
        AccountPrincipal.Create(new WebAccount(Guid.NewGuid(), $"{role}-{Guid.NewGuid():N}"[..16], $"A {role}", role, DateTimeOffset.UtcNow, null));

    /// <summary>Nobody signed in.</summary>
    public static ClaimsPrincipal Anonymous => new(new ClaimsIdentity());

    /// <summary>The gate of a circuit signed in as <paramref name="user"/>.</summary>
    public static AccessGate Gate(ClaimsPrincipal user) => new(new FixedAuthentication(user));

    private sealed class FixedAuthentication(ClaimsPrincipal user) : AuthenticationStateProvider
    {
        public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(user));
    }
}

/// <summary>Accounts in memory, with the same case-insensitive uniqueness as <c>web.accounts</c>.</summary>
public sealed class InMemoryAccountStore : IAccountStore
{
    private readonly List<(WebAccount Account, string Hash)> accounts = [];

    /// <summary>The stored hash of an account, to see what was written.</summary>
    public string HashOf(string userName) => accounts.Single(entry => string.Equals(entry.Account.UserName, userName, StringComparison.OrdinalIgnoreCase)).Hash;

    public Task<bool> AnyAsync(CancellationToken cancellationToken) => Task.FromResult(accounts.Count > 0);

    public Task<(WebAccount Account, string PasswordHash)?> FindAsync(string userName, CancellationToken cancellationToken) =>
        Task.FromResult(accounts.Where(entry => string.Equals(entry.Account.UserName, userName, StringComparison.OrdinalIgnoreCase))
            .Select(entry => ((WebAccount, string)?)(entry.Account, entry.Hash)).FirstOrDefault());

    public Task<IReadOnlyList<WebAccount>> ListAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<WebAccount>>(accounts.Select(entry => entry.Account).ToList());

    public Task<bool> TryAddAsync(WebAccount account, string passwordHash, CancellationToken cancellationToken)
    {
        if (accounts.Any(entry => string.Equals(entry.Account.UserName, account.UserName, StringComparison.OrdinalIgnoreCase)))
        {
            return Task.FromResult(false);
        }
        accounts.Add((account, passwordHash));
        return Task.FromResult(true);
    }

    public Task UpdatePasswordHashAsync(Guid id, string passwordHash, CancellationToken cancellationToken)
    {
        var index = accounts.FindIndex(entry => entry.Account.Id == id);
        accounts[index] = (accounts[index].Account, passwordHash);
        return Task.CompletedTask;
    }

    public Task RotateSecurityStampAsync(Guid id, CancellationToken cancellationToken)
    {
        Change(id, account => account with { SecurityStamp = Guid.NewGuid() });
        return Task.CompletedTask;
    }

    public Task<AccountUpdate> SetRoleAsync(Guid id, string role, CancellationToken cancellationToken) =>
        Task.FromResult(Change(id, account => account with { Role = role }));

    public Task<AccountUpdate> SetDisabledAsync(Guid id, DateTimeOffset? disabledAt, CancellationToken cancellationToken) =>
        Task.FromResult(Change(id, account => account with { DisabledAt = disabledAt }));

    /// <summary>As <c>AccountStore</c>: the change is kept unless it took away the last active admin.</summary>
    private AccountUpdate Change(Guid id, Func<WebAccount, WebAccount> change)
    {
        var index = accounts.FindIndex(entry => entry.Account.Id == id);
        if (index < 0)
        {
            return AccountUpdate.NotFound;
        }
        bool AnyActiveAdmin() => accounts.Any(entry => entry.Account.Role == WebRole.Admin && entry.Account.IsActive);
        var hadAdmin = AnyActiveAdmin();
        var before = accounts[index];
        accounts[index] = (change(before.Account), before.Hash);
        if (hadAdmin && !AnyActiveAdmin())
        {
            accounts[index] = before;
            return AccountUpdate.LastAdmin;
        }
        return AccountUpdate.Done;
    }
}
