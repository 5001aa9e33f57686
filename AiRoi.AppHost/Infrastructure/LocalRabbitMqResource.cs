namespace AiRoi.AppHost.Infrastructure;

/// <summary>
/// A RabbitMQ node run from the operating system's package. Its connection string has the container resource's
/// shape (<c>amqp://user:password@host:port</c>).
/// </summary>
public sealed class LocalRabbitMqResource(string name, string command, string workingDirectory, string password)
    : ExecutableResource(name, command, workingDirectory), IResourceWithConnectionString
{
    /// <summary>The name of the AMQP endpoint.</summary>
    public const string EndpointName = "tcp";

    /// <summary>The user the node creates on first boot.</summary>
    public const string UserName = "airoi";

    /// <summary>The user's password, kept beside the node's data so it survives restarts.</summary>
    public string Password { get; } = password;

    /// <summary>The AMQP endpoint clients connect to.</summary>
    public EndpointReference PrimaryEndpoint => new(this, EndpointName);

    /// <inheritdoc />
    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"amqp://{UserName}:{Password}@{PrimaryEndpoint.Property(EndpointProperty.Host)}:{PrimaryEndpoint.Property(EndpointProperty.Port)}");
}
