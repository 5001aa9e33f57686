namespace AiRoi.Web.Accounts;

/// <summary>Where accounts are kept: <see cref="AccountStore"/> in PostgreSQL; tests keep them in memory.</summary>
public interface IAccountStore
{
    /// <summary>Whether any account exists.</summary>
    Task<bool> AnyAsync(CancellationToken cancellationToken);

    /// <summary>The account with this user name (any case) and its password hash; null when none.</summary>
    Task<(WebAccount Account, string PasswordHash)?> FindAsync(string userName, CancellationToken cancellationToken);

    /// <summary>Every account, by user name.</summary>
    Task<IReadOnlyList<WebAccount>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Adds an account; false when the user name is taken (in any case).</summary>
    Task<bool> TryAddAsync(WebAccount account, string passwordHash, CancellationToken cancellationToken);

    /// <summary>Replaces a password hash.</summary>
    Task UpdatePasswordHashAsync(Guid id, string passwordHash, CancellationToken cancellationToken);

    /// <summary>Changes an account's role; false when there is no such account.</summary>
    Task<bool> SetRoleAsync(Guid id, string role, CancellationToken cancellationToken);

    /// <summary>Disables (or enables again) an account; false when there is no such account.</summary>
    Task<bool> SetDisabledAsync(Guid id, DateTimeOffset? disabledAt, CancellationToken cancellationToken);
}
