namespace AiRoi.Web.Accounts;

/// <summary>A person who signs in to the web frontend.</summary>
/// <param name="Id">Stable id.</param>
/// <param name="UserName">What the person types to sign in; unique regardless of case.</param>
/// <param name="DisplayName">What the pages call the person.</param>
/// <param name="Role">One of <see cref="WebRole.All"/>.</param>
/// <param name="CreatedAt">When the account was created.</param>
/// <param name="DisabledAt">When it was disabled (it can no longer sign in); null while active.</param>
public sealed record WebAccount(Guid Id, string UserName, string DisplayName, string Role, DateTimeOffset CreatedAt, DateTimeOffset? DisabledAt)
{
    /// <summary>
    /// The value every sign-in cookie of the account carries; a new one (at sign-out, at a password change) ends every
    /// cookie issued before, on every device.
    /// </summary>
    public Guid SecurityStamp { get; init; }

    /// <summary>Whether the account may sign in.</summary>
    public bool IsActive => DisabledAt is null;
}
