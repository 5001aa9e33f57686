using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;

namespace AiRoi.Web.Accounts;

/// <summary>
/// Signs accounts in and manages them. Passwords are hashed by ASP.NET Core Identity's
/// <see cref="PasswordHasher{TUser}"/> (PBKDF2, a salt per hash, the iteration count inside the hash), never here.
/// </summary>
public sealed partial class AccountService(IAccountStore store, AccessGate gate, TimeProvider clock)
{
    /// <summary>Shorter passwords are refused; long passphrases are welcome.</summary>
    public const int MinimumPasswordLength = 10;

    private static readonly PasswordHasher<WebAccount> Hasher = new();

    /// <summary>The account whose user name and password these are, if it is active; null otherwise.</summary>
    public async Task<WebAccount?> VerifyAsync(string userName, string password, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(userName) || string.IsNullOrEmpty(password))
        {
            return null;
        }
        var found = await store.FindAsync(userName.Trim(), cancellationToken);
        if (found is not { } stored)
        {
            // Hash anyway, so the answer takes as long for an unknown name as for a wrong password.
            Hasher.HashPassword(null!, password);
            return null;
        }
        var verdict = Hasher.VerifyHashedPassword(stored.Account, stored.PasswordHash, password);
        if (verdict == PasswordVerificationResult.Failed || !stored.Account.IsActive)
        {
            return null;
        }
        if (verdict == PasswordVerificationResult.SuccessRehashNeeded)
        {
            await store.UpdatePasswordHashAsync(stored.Account.Id, Hasher.HashPassword(stored.Account, password), cancellationToken);
        }
        return stored.Account;
    }

    /// <summary>
    /// Changes the password of <paramref name="userName"/> after checking the current one, and gives the account a new
    /// security stamp, so that every sign-in cookie issued before (other devices, a stolen cookie) stops working; the
    /// answer names the field that was refused.
    /// </summary>
    public async Task<AccountChange> ChangePasswordAsync(string userName, string current, string replacement, CancellationToken cancellationToken)
    {
        if (replacement is null || replacement.Length < MinimumPasswordLength)
        {
            return AccountChange.Refused("NewPassword", $"The new password must be at least {MinimumPasswordLength} characters.");
        }
        if (replacement == current)
        {
            return AccountChange.Refused("NewPassword", "The new password must differ from the current one.");
        }
        if (await VerifyAsync(userName, current, cancellationToken) is not { } account)
        {
            return AccountChange.Refused("CurrentPassword", "The current password is not right.");
        }
        await store.UpdatePasswordHashAsync(account.Id, Hasher.HashPassword(account, replacement), cancellationToken);
        await store.RotateSecurityStampAsync(account.Id, cancellationToken);
        return AccountChange.Done((await store.FindAsync(account.UserName, cancellationToken))?.Account);
    }

    /// <summary>Every account (admins only).</summary>
    public async Task<IReadOnlyList<WebAccount>> ListAsync(CancellationToken cancellationToken)
    {
        await gate.DemandAsync(WebPermission.Administer);
        return await store.ListAsync(cancellationToken);
    }

    /// <summary>Creates an account (admins only); the answer names each field that was refused.</summary>
    public async Task<AccountChange> CreateAsync(NewAccount request, CancellationToken cancellationToken)
    {
        await gate.DemandAsync(WebPermission.Administer);
        return await AddAsync(request, cancellationToken);
    }

    /// <summary>Changes an account's role (admins only).</summary>
    public async Task<AccountChange> SetRoleAsync(Guid id, string role, CancellationToken cancellationToken)
    {
        await gate.DemandAsync(WebPermission.Administer);
        if (!WebRole.IsKnown(role))
        {
            return AccountChange.Refused(nameof(NewAccount.Role), $"Role must be one of: {string.Join(", ", WebRole.All)}.");
        }
        return Answer(await store.SetRoleAsync(id, role, cancellationToken), nameof(NewAccount.Role));
    }

    /// <summary>Disables or enables an account (admins only).</summary>
    public async Task<AccountChange> SetDisabledAsync(Guid id, bool disabled, CancellationToken cancellationToken)
    {
        await gate.DemandAsync(WebPermission.Administer);
        return Answer(await store.SetDisabledAsync(id, disabled ? clock.GetUtcNow() : null, cancellationToken), "disabled");
    }

    private static AccountChange Answer(AccountUpdate update, string field) => update switch
    {
        AccountUpdate.Done => AccountChange.Done(null),
        AccountUpdate.LastAdmin => AccountChange.Refused(field,
            "This is the last active admin: without one nobody could manage accounts or API keys. Make another account admin first."),
        _ => AccountChange.Refused("id", "There is no such account."),
    };

    /// <summary>
    /// Creates the first admin when no account exists yet; false when accounts already exist. Called at start-up,
    /// before anyone can sign in, so it asks no permission.
    /// </summary>
    public async Task<bool> CreateFirstAdminAsync(string userName, string password, CancellationToken cancellationToken)
    {
        if (await store.AnyAsync(cancellationToken))
        {
            return false;
        }
        var added = await AddAsync(new NewAccount(userName, "Administrator", WebRole.Admin, password), cancellationToken);
        if (added.Errors.Count > 0)
        {
            throw new InvalidOperationException($"The first admin cannot be created: {string.Join(" ", added.Errors.SelectMany(error => error.Value))}");
        }
        return true;
    }

    /// <summary>The reasons a new account would be refused, by field; empty when it is acceptable.</summary>
    public static Dictionary<string, string[]> Validate(NewAccount request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(request.UserName) || !UserNamePattern().IsMatch(request.UserName))
        {
            errors[nameof(NewAccount.UserName)] = ["User name must be 3 to 64 letters, digits or . _ @ - characters."];
        }
        if (string.IsNullOrWhiteSpace(request.DisplayName) || request.DisplayName.Length > 100)
        {
            errors[nameof(NewAccount.DisplayName)] = ["Display name must be 1 to 100 characters."];
        }
        if (!WebRole.IsKnown(request.Role))
        {
            errors[nameof(NewAccount.Role)] = [$"Role must be one of: {string.Join(", ", WebRole.All)}."];
        }
        if (request.Password is null || request.Password.Length < MinimumPasswordLength)
        {
            errors[nameof(NewAccount.Password)] = [$"Password must be at least {MinimumPasswordLength} characters."];
        }
        return errors;
    }

    private async Task<AccountChange> AddAsync(NewAccount request, CancellationToken cancellationToken)
    {
        var errors = Validate(request);
        if (errors.Count > 0)
        {
            return new AccountChange(null, errors);
        }
        var account = new WebAccount(Guid.NewGuid(), request.UserName.Trim(), request.DisplayName.Trim(), request.Role, clock.GetUtcNow(), null);
        return await store.TryAddAsync(account, Hasher.HashPassword(account, request.Password), cancellationToken)
            ? AccountChange.Done(account)
            : AccountChange.Refused(nameof(NewAccount.UserName), $"The user name {account.UserName} is taken.");
    }

    [GeneratedRegex("^[A-Za-z0-9._@-]{3,64}$")]
    private static partial Regex UserNamePattern();
}

/// <summary>An account to create.</summary>
/// <param name="UserName">What the person types to sign in.</param>
/// <param name="DisplayName">What the pages call the person.</param>
/// <param name="Role">One of <see cref="WebRole.All"/>.</param>
/// <param name="Password">The initial password, at least <see cref="AccountService.MinimumPasswordLength"/> characters.</param>
public sealed record NewAccount(string UserName, string DisplayName, string Role, string Password);

/// <summary>The answer to an account change: the account (when created) or the refused fields.</summary>
/// <param name="Account">The created account; null otherwise.</param>
/// <param name="Errors">Messages by field; empty when the change was made.</param>
public sealed record AccountChange(WebAccount? Account, IReadOnlyDictionary<string, string[]> Errors)
{
    /// <summary>Whether the change was made.</summary>
    public bool Succeeded => Errors.Count == 0;

    /// <summary>A change that was made.</summary>
    public static AccountChange Done(WebAccount? account) => new(account, new Dictionary<string, string[]>());

    /// <summary>A change refused for one field.</summary>
    public static AccountChange Refused(string field, string message) => new(null, new Dictionary<string, string[]> { [field] = [message] });
}
