using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace AiRoi.AppHost.Infrastructure;

/// <summary>Runs a RabbitMQ node from the operating system's package when no container engine is at hand.</summary>
public static class LocalRabbitMqBuilderExtensions
{
    // The package's /usr/sbin wrapper switches to the rabbitmq user; this script runs the node as we are.
    private const string ServerScript = "/usr/lib/rabbitmq/bin/rabbitmq-server";

    private const string MapperEndpoint = "tcp";
    private const string DistributionEndpoint = "distribution";

    /// <summary>
    /// Adds a RabbitMQ node with its own ports, home, data and an empty plugin list, so that several stacks can run
    /// side by side, and its own Erlang port mapper (epmd) as a resource of its own: the node is told not to start
    /// one, so stopping the stack leaves no epmd daemon behind. Healthy when an AMQP connection opens.
    /// </summary>
    public static IResourceBuilder<LocalRabbitMqResource> AddLocalRabbitMq(
        this IDistributedApplicationBuilder builder, string name, string dataFolder)
    {
        if (!File.Exists(ServerScript))
        {
            throw new InvalidOperationException(
                $"{ServerScript} was not found. Install RabbitMQ (apt-get install rabbitmq-server) or run with Infrastructure:Mode=containers.");
        }

        var home = Directory.CreateDirectory(Path.Combine(dataFolder, "home")).FullName;
        var mnesia = Directory.CreateDirectory(Path.Combine(dataFolder, "mnesia")).FullName;
        var logs = Directory.CreateDirectory(Path.Combine(dataFolder, "log")).FullName;
        var password = HostProcess.ReadOrCreateSecret(Path.Combine(dataFolder, "password"));
        var pluginsFile = Path.Combine(dataFolder, "enabled_plugins");
        File.WriteAllText(pluginsFile, "[].");
        var configFile = Path.Combine(dataFolder, "rabbitmq.conf");
        File.WriteAllText(configFile,
            $"""
            default_user = {LocalRabbitMqResource.UserName}
            default_pass = {password}
            loopback_users = none
            """);
        // An empty environment file of our own, so the system's /etc/rabbitmq/rabbitmq-env.conf changes nothing.
        var environmentFile = Path.Combine(dataFolder, "rabbitmq-env.conf");
        File.WriteAllText(environmentFile, string.Empty);

        // Every port comes from the orchestrator through the variable each program reads (ERL_EPMD_PORT,
        // RABBITMQ_NODE_PORT, RABBITMQ_DIST_PORT): it allocates all ports of the stack, so none is handed out twice.
        var mapper = builder.AddExecutable($"{name}-epmd", "epmd", dataFolder, "-address", "127.0.0.1")
            .WithEndpoint(name: MapperEndpoint, scheme: "tcp", env: "ERL_EPMD_PORT", isProxied: false);
        var mapperEndpoint = mapper.GetEndpoint(MapperEndpoint);
        var mapperHealthKey = $"{name}-epmd-listens";
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(
            mapperHealthKey, _ => new TcpListens(mapperEndpoint), failureStatus: null, tags: null));
        mapper.WithHealthCheck(mapperHealthKey);

        var node = new LocalRabbitMqResource(name, ServerScript, dataFolder, password);
        var healthCheckKey = $"{name}-accepts-connections";
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(
            healthCheckKey, _ => new AmqpAcceptsConnections(node), failureStatus: null, tags: null));

        return builder.AddResource(node)
            .WithEndpoint(name: LocalRabbitMqResource.EndpointName, scheme: "tcp", env: "RABBITMQ_NODE_PORT", isProxied: false)
            .WithEndpoint(name: DistributionEndpoint, scheme: "tcp", env: "RABBITMQ_DIST_PORT", isProxied: false)
            .WithEnvironment("HOME", home)
            .WithEnvironment("RABBITMQ_CONF_ENV_FILE", environmentFile)
            .WithEnvironment("RABBITMQ_CONFIG_FILE", configFile)
            .WithEnvironment("RABBITMQ_ENABLED_PLUGINS_FILE", pluginsFile)
            .WithEnvironment("RABBITMQ_NODENAME", "airoi@localhost")
            .WithEnvironment("RABBITMQ_NODE_IP_ADDRESS", "127.0.0.1")
            .WithEnvironment("RABBITMQ_MNESIA_BASE", mnesia)
            .WithEnvironment("RABBITMQ_LOG_BASE", logs)
            .WithEnvironment("RABBITMQ_LOGS", "-")
            .WithEnvironment("ERL_EPMD_PORT", mapperEndpoint.Property(EndpointProperty.TargetPort))
            // Erlang distribution (the node-to-node port) listens on loopback too, like AMQP and epmd: nothing of the
            // broker is reachable from another machine.
            .WithEnvironment("RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS", "-start_epmd false -kernel inet_dist_use_interface {127,0,0,1}")
            .WithHealthCheck(healthCheckKey)
            .WaitFor(mapper);
    }

    private sealed class AmqpAcceptsConnections(LocalRabbitMqResource node) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            try
            {
                var connectionString = await node.ConnectionStringExpression.GetValueAsync(cancellationToken);
                var factory = new ConnectionFactory { Uri = new Uri(connectionString!), RequestedConnectionTimeout = TimeSpan.FromSeconds(3) };
                await using var connection = await factory.CreateConnectionAsync(cancellationToken);
                return HealthCheckResult.Healthy();
            }
            catch (Exception exception) when (exception is BrokerUnreachableException or SocketException or IOException or TimeoutException)
            {
                return HealthCheckResult.Unhealthy("RabbitMQ does not accept AMQP connections yet.", exception);
            }
        }
    }

    private sealed class TcpListens(EndpointReference endpoint) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", endpoint.Port, cancellationToken);
                return HealthCheckResult.Healthy();
            }
            catch (SocketException exception)
            {
                return HealthCheckResult.Unhealthy($"Nothing listens on the epmd port yet.", exception);
            }
        }
    }
}
