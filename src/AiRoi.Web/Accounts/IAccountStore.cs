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

    /// <summary>Gives the account a new security stamp, ending every sign-in cookie issued before.</summary>
    Task RotateSecurityStampAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>Changes an account's role, unless that would take away the last active admin.</summary>
    Task<AccountUpdate> SetRoleAsync(Guid id, string role, CancellationToken cancellationToken);

    /// <summary>Disables (or enables again) an account, unless that would take away the last active admin.</summary>
    Task<AccountUpdate> SetDisabledAsync(Guid id, DateTimeOffset? disabledAt, CancellationToken cancellationToken);
}

/// <summary>What became of a change to an account's role or state.</summary>
public enum AccountUpdate
{
    /// <summary>Made.</summary>
    Done,

    /// <summary>There is no such account.</summary>
    NotFound,

    /// <summary>Refused: it would leave no active admin, and nobody could manage accounts or keys any more.</summary>
    LastAdmin,
}
