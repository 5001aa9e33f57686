namespace AiRoi.AppHost.Infrastructure;

/// <summary>
/// A PostgreSQL server run from the operating system's binaries. Its connection string has the same shape as
/// the container resource's (<c>Host=…;Port=…;Username=postgres;Password=…</c>), so services cannot tell them apart.
/// </summary>
public sealed class LocalPostgresServerResource(string name, string command, string workingDirectory, string password)
    : ExecutableResource(name, command, workingDirectory), IResourceWithConnectionString
{
    /// <summary>The name of the TCP endpoint the server listens on.</summary>
    public const string EndpointName = "tcp";

    /// <summary>The superuser initdb creates.</summary>
    public const string UserName = "postgres";

    /// <summary>The superuser's password, kept beside the data folder so it survives restarts.</summary>
    public string Password { get; } = password;

    /// <summary>The endpoint clients connect to.</summary>
    public EndpointReference PrimaryEndpoint => new(this, EndpointName);

    /// <inheritdoc />
    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"Host={PrimaryEndpoint.Property(EndpointProperty.Host)};Port={PrimaryEndpoint.Property(EndpointProperty.Port)};Username={UserName};Password={Password}");
}
