using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace AiRoi.AppHost.Infrastructure;

/// <summary>Runs PostgreSQL from the operating system's binaries when no container engine is at hand.</summary>
public static class LocalPostgresBuilderExtensions
{
    private const string ServiceUser = "postgres";

    /// <summary>
    /// Adds a PostgreSQL server whose data lives in <paramref name="dataFolder"/>; the cluster is created with
    /// initdb the first time. Healthy when it accepts a connection, so <c>WaitFor</c> means "accepts connections".
    /// </summary>
    public static IResourceBuilder<LocalPostgresServerResource> AddLocalPostgres(
        this IDistributedApplicationBuilder builder, string name, string dataFolder)
    {
        var binaries = FindBinaries();
        Directory.CreateDirectory(dataFolder);
        var clusterFolder = Path.Combine(dataFolder, "cluster");
        var socketFolder = Path.Combine(dataFolder, "sockets");
        Directory.CreateDirectory(socketFolder);
        var passwordFile = Path.Combine(dataFolder, "password");
        var password = HostProcess.ReadOrCreateSecret(passwordFile);

        if (builder.ExecutionContext.IsRunMode && !File.Exists(Path.Combine(clusterFolder, "PG_VERSION")))
        {
            HostProcess.GiveTo(ServiceUser, dataFolder);
            var (initdb, initdbArguments) = HostProcess.AsUser(ServiceUser, Path.Combine(binaries, "initdb"),
                "--pgdata", clusterFolder, "--username", LocalPostgresServerResource.UserName,
                "--pwfile", passwordFile, "--auth", "scram-sha-256", "--encoding", "UTF8", "--locale", "C");
            HostProcess.Run(initdb, initdbArguments, TimeSpan.FromMinutes(2));
        }
        HostProcess.GiveTo(ServiceUser, dataFolder);

        // The port comes from the orchestrator through PGPORT, which postgres reads: it allocates every port of the
        // stack, so none is handed out twice.
        var (command, arguments) = HostProcess.AsUser(ServiceUser, Path.Combine(binaries, "postgres"),
            "-D", clusterFolder, "-k", socketFolder, "-c", "listen_addresses=127.0.0.1");

        var server = new LocalPostgresServerResource(name, command, dataFolder, password);
        var healthCheckKey = $"{name}-accepts-connections";
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(
            healthCheckKey, _ => new PostgresAcceptsConnections(server), failureStatus: null, tags: null));

        return builder.AddResource(server)
            .WithEndpoint(name: LocalPostgresServerResource.EndpointName, scheme: "tcp", env: "PGPORT", isProxied: false)
            .WithArgs(arguments)
            .WithHealthCheck(healthCheckKey);
    }

    /// <summary>
    /// Adds a database on the server, created (if missing) as soon as the server accepts connections, as the
    /// container integration does; dependents of the server start only after that.
    /// </summary>
    public static IResourceBuilder<LocalPostgresDatabaseResource> AddDatabase(
        this IResourceBuilder<LocalPostgresServerResource> server, string name)
    {
        var database = new LocalPostgresDatabaseResource(name, name, server.Resource);
        server.OnResourceReady(async (serverResource, readyEvent, cancellationToken) =>
        {
            await CreateDatabaseIfMissingAsync(serverResource, database.DatabaseName, cancellationToken);
            // A child of an executable gets no state of its own from the orchestrator; report it, so the dashboard
            // shows the database and anything waiting for it proceeds.
            await readyEvent.Services.GetRequiredService<ResourceNotificationService>().PublishUpdateAsync(
                database, snapshot => snapshot with { State = KnownResourceStates.Running, StartTimeStamp = DateTime.UtcNow });
        });
        return server.ApplicationBuilder.AddResource(database)
            .WithInitialState(new CustomResourceSnapshot
            {
                ResourceType = "PostgresDatabase",
                Properties = [],
                State = KnownResourceStates.NotStarted,
            });
    }

    private static async Task CreateDatabaseIfMissingAsync(
        LocalPostgresServerResource server, string databaseName, CancellationToken cancellationToken)
    {
        var connectionString = await server.ConnectionStringExpression.GetValueAsync(cancellationToken);
        await using var connection = new NpgsqlConnection(connectionString + ";Database=postgres;Pooling=false");
        await connection.OpenAsync(cancellationToken);
        await using var exists = new NpgsqlCommand("select 1 from pg_database where datname = $1", connection)
        {
            Parameters = { new NpgsqlParameter { Value = databaseName } },
        };
        if (await exists.ExecuteScalarAsync(cancellationToken) is null)
        {
            var quoted = "\"" + databaseName.Replace("\"", "\"\"") + "\"";
            await using var create = new NpgsqlCommand($"create database {quoted}", connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static string FindBinaries()
    {
        // Debian and Ubuntu install each major version side by side; take the newest.
        const string root = "/usr/lib/postgresql";
        var newest = Directory.Exists(root)
            ? Directory.GetDirectories(root)
                .Select(folder => (folder, version: int.TryParse(Path.GetFileName(folder), out var v) ? v : 0))
                .Where(entry => File.Exists(Path.Combine(entry.folder, "bin", "postgres")))
                .OrderByDescending(entry => entry.version)
                .Select(entry => Path.Combine(entry.folder, "bin"))
                .FirstOrDefault()
            : null;
        return newest ?? throw new InvalidOperationException(
            "PostgreSQL binaries were not found under /usr/lib/postgresql. Install them (apt-get install postgresql) " +
            "or run with Infrastructure:Mode=containers.");
    }

    private sealed class PostgresAcceptsConnections(LocalPostgresServerResource server) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            try
            {
                var connectionString = await server.ConnectionStringExpression.GetValueAsync(cancellationToken);
                await using var connection = new NpgsqlConnection(connectionString + ";Timeout=3;Pooling=false");
                await connection.OpenAsync(cancellationToken);
                await using var command = new NpgsqlCommand("select 1", connection);
                await command.ExecuteScalarAsync(cancellationToken);
                return HealthCheckResult.Healthy();
            }
            catch (Exception exception) when (exception is NpgsqlException or InvalidOperationException or TimeoutException)
            {
                return HealthCheckResult.Unhealthy("PostgreSQL does not accept connections yet.", exception);
            }
        }
    }
}
