namespace AiRoi.Web.Accounts;

/// <summary>
/// Creates the first admin at start-up when there is no account yet, from <c>Web:FirstAdmin:UserName</c> and
/// <c>Web:FirstAdmin:Password</c>. Development sets both (README: <c>admin</c> / <c>airoi-admin</c>); elsewhere
/// the password must be configured, or nobody can sign in until it is.
/// </summary>
public sealed partial class FirstAdmin(IServiceScopeFactory scopes, IConfiguration configuration, ILogger<FirstAdmin> logger) : IHostedService
{
    /// <summary>The setting with the first admin's user name (default <c>admin</c>).</summary>
    public const string UserNameSetting = "Web:FirstAdmin:UserName";

    /// <summary>The setting with the first admin's password.</summary>
    public const string PasswordSetting = "Web:FirstAdmin:Password";

    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var userName = configuration[UserNameSetting] ?? "admin";
        var password = configuration[PasswordSetting];
        await using var scope = scopes.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<AccountService>();
        if (string.IsNullOrEmpty(password))
        {
            LogNoFirstAdminPassword(PasswordSetting);
            return;
        }
        if (await accounts.CreateFirstAdminAsync(userName, password, cancellationToken))
        {
            LogFirstAdminCreated(userName);
        }
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Created the first admin account {UserName}")]
    private partial void LogFirstAdminCreated(string userName);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Setting} is not set: no first admin is created when there are no accounts")]
    private partial void LogNoFirstAdminPassword(string setting);
}
