namespace AiRoi.AppHost.Infrastructure;

/// <summary>
/// Where local PostgreSQL and RabbitMQ keep their data (setting <c>Infrastructure:DataRoot</c>).
/// A run keeps it across restarts so demo data is still there tomorrow; test stacks pass a throwaway folder.
/// </summary>
public static class DataRoot
{
    /// <summary>The configuration key that overrides the folder.</summary>
    public const string SettingKey = "Infrastructure:DataRoot";

    /// <summary>The folder used as root, where the PostgreSQL server (which refuses to run as root) must reach it.</summary>
    public const string RootDefault = "/var/lib/airoi";

    /// <summary>
    /// The configured folder, else <c>/var/lib/airoi</c> for root (PostgreSQL runs as the postgres user there and
    /// cannot enter root's home), else <c>$XDG_DATA_HOME/airoi</c>, else <c>~/.local/share/airoi</c>.
    /// </summary>
    public static string Resolve(string? configured, bool isRoot, string? xdgDataHome, string home)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Path.GetFullPath(configured);
        }
        if (isRoot)
        {
            return RootDefault;
        }
        return string.IsNullOrWhiteSpace(xdgDataHome)
            ? Path.Combine(home, ".local", "share", "airoi")
            : Path.Combine(xdgDataHome, "airoi");
    }
}
