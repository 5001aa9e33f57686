namespace AiRoi.Web.Accounts;

/// <summary>
/// The roles of a web account. Each role includes what the ones below it may do: an admin can edit, an editor can
/// read.
/// </summary>
public static class WebRole
{
    /// <summary>Manages API keys and accounts, and everything an editor does.</summary>
    public const string Admin = "admin";

    /// <summary>Changes use cases, targets, baselines, annotations and experiments.</summary>
    public const string Editor = "editor";

    /// <summary>Reads only.</summary>
    public const string Viewer = "viewer";

    /// <summary>Every role, most powerful first.</summary>
    public static readonly IReadOnlyList<string> All = [Admin, Editor, Viewer];

    /// <summary>Whether <paramref name="role"/> is one of <see cref="All"/>.</summary>
    public static bool IsKnown(string? role) => role is not null && All.Contains(role, StringComparer.Ordinal);
}

/// <summary>What a page or a write needs; each is an authorization policy of the same name.</summary>
public static class WebPermission
{
    /// <summary>Reading any page: every signed-in account.</summary>
    public const string Read = "read";

    /// <summary>Changing configuration and experiments: editors and admins.</summary>
    public const string Edit = "edit";

    /// <summary>API keys and accounts: admins.</summary>
    public const string Administer = "administer";

    /// <summary>The roles that hold <paramref name="permission"/>.</summary>
    public static IReadOnlyList<string> RolesFor(string permission) => permission switch
    {
        Read => WebRole.All,
        Edit => [WebRole.Admin, WebRole.Editor],
        Administer => [WebRole.Admin],
        _ => throw new ArgumentOutOfRangeException(nameof(permission), permission, "Unknown permission."),
    };
}
