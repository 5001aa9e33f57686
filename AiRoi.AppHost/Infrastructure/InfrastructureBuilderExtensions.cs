using Microsoft.Extensions.Configuration;

namespace AiRoi.AppHost.Infrastructure;

/// <summary>Adds PostgreSQL and RabbitMQ as containers or as local processes, as <c>Infrastructure:Mode</c> says.</summary>
public static class InfrastructureBuilderExtensions
{
    /// <summary>
    /// When true, containers get no named volumes (local processes still use <c>Infrastructure:DataRoot</c>, which the
    /// caller then throws away). Test stacks set it.
    /// </summary>
    public const string EphemeralSettingKey = "Infrastructure:Ephemeral";

    /// <summary>Chooses the mode and adds the server, the service databases and the broker.</summary>
    public static AiRoiInfrastructure AddAiRoiInfrastructure(this IDistributedApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var mode = InfrastructureModeChoice.Choose(configuration[InfrastructureModeChoice.SettingKey], ContainerEngine.IsHealthy);
        var ephemeral = configuration.GetValue<bool>(EphemeralSettingKey);

        return mode == InfrastructureMode.Containers
            ? builder.AddContainerInfrastructure(ephemeral)
            : builder.AddLocalInfrastructure(DataRoot.Resolve(
                configuration[DataRoot.SettingKey],
                HostProcess.IsRoot,
                Environment.GetEnvironmentVariable("XDG_DATA_HOME"),
                Environment.GetFolderPath(Environment.SpecialFolder.UserProfile)));
    }

    private static AiRoiInfrastructure AddContainerInfrastructure(this IDistributedApplicationBuilder builder, bool ephemeral)
    {
        var postgres = builder.AddPostgres(ResourceNames.Postgres);
        var messaging = builder.AddRabbitMQ(ResourceNames.Messaging);
        if (!ephemeral)
        {
            postgres.WithDataVolume("airoi-postgres-data");
            messaging.WithDataVolume("airoi-rabbitmq-data");
        }
        return new AiRoiInfrastructure(
            InfrastructureMode.Containers,
            postgres,
            postgres.AddDatabase(ResourceNames.MetricsDatabase),
            postgres.AddDatabase(ResourceNames.IngestionDatabase),
            postgres.AddDatabase(ResourceNames.ExperimentsDatabase),
            messaging,
            postgres.AddDatabase(ResourceNames.WebDatabase),
            postgres.AddDatabase(ResourceNames.ClusterDatabase));
    }

    private static AiRoiInfrastructure AddLocalInfrastructure(this IDistributedApplicationBuilder builder, string dataRoot)
    {
        var postgres = builder.AddLocalPostgres(ResourceNames.Postgres, Path.Combine(dataRoot, "postgres"));
        var messaging = builder.AddLocalRabbitMq(ResourceNames.Messaging, Path.Combine(dataRoot, "rabbitmq"));
        return new AiRoiInfrastructure(
            InfrastructureMode.Local,
            postgres,
            postgres.AddDatabase(ResourceNames.MetricsDatabase),
            postgres.AddDatabase(ResourceNames.IngestionDatabase),
            postgres.AddDatabase(ResourceNames.ExperimentsDatabase),
            messaging,
            postgres.AddDatabase(ResourceNames.WebDatabase),
            postgres.AddDatabase(ResourceNames.ClusterDatabase));
    }
}
