using AiRoi.ServiceDefaults.Messaging;
using AiRoi.Contracts;
using AiRoi.Contracts.UseCases;
using AiRoi.Domain.Events;
using AiRoi.Domain.UseCases;
using AiRoi.Metrics.Annotations;
using AiRoi.Metrics.Baselines;
using AiRoi.Metrics.EventLog;
using AiRoi.Metrics.UseCases;
using AiRoi.Migrations;
using AiRoi.ServiceDefaults.Data;
using AiRoi.Testing;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Orleans.Serialization;
using Orleans.TestingHost;

namespace AiRoi.Metrics.Tests;

/// <summary>
/// An in-process Orleans test cluster of one silo running the real use-case grain against a real, throwaway
/// PostgreSQL with the metrics schema migrated. Shared by the grain tests; each test registers its own use case.
/// </summary>
public sealed class MetricsCluster : IAsyncLifetime
{
    // In-process silos are built by type, so the configurator reads the database from here.
    private static string? connectionString;

    private TestPostgres? postgres;

    /// <summary>The cluster.</summary>
    public TestCluster Cluster { get; private set; } = null!;

    /// <summary>The metrics database.</summary>
    public NpgsqlDataSource Database { get; private set; } = null!;

    /// <summary>A use-case grain.</summary>
    public IUseCaseGrain Grain(string id) => Cluster.GrainFactory.GetGrain<IUseCaseGrain>(id);

    /// <summary>Registers a use case directly in the registry.</summary>
    public async Task RegisterAsync(UseCase useCase) =>
        Assert.NotNull(await new UseCaseRegistry(Database).CreateAsync(useCase, CancellationToken.None));

    /// <summary>An event as the log holds it.</summary>
    public async Task<OutcomeEvent> ReadLoggedEventAsync(string useCaseId, string eventId)
    {
        await using var command = Database.CreateCommand(
            "select event::text from metrics.outcome_events where use_case_id = $1 and event->>'eventId' = $2")
            .WithValues(useCaseId, eventId);
        return OutcomeEventJson.DeserializeStored((string)(await command.ExecuteScalarAsync())!);
    }

    /// <summary>Writes events through the grain, as ingestion does, and checks they were all new.</summary>
    public async Task AppendAsync(string useCaseId, IEnumerable<OutcomeEvent> events)
    {
        var batch = events.ToList();
        var result = await Grain(useCaseId).AppendAsync(batch);
        Assert.Equal(UseCaseWriteStatus.Open, result.Status);
        Assert.All(result.Outcomes.Zip(batch), pair => Assert.True(pair.First.Accepted, $"{pair.Second.EventId} was a duplicate"));
    }

    /// <summary>
    /// Deactivates every idle grain, so that the next call activates the use case's grain afresh from its snapshot
    /// (written on deactivation) and the log after it.
    /// </summary>
    public async Task DeactivateGrainsAsync() =>
        await Cluster.GrainFactory.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        postgres = await TestPostgres.StartAsync();
        await postgres.CreateDatabaseAsync("metricsdb");
        connectionString = postgres.ConnectionString("metricsdb");
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:metricsdb"] = connectionString })
            .Build();
        new SchemaMigrator(configuration, NullLogger<SchemaMigrator>.Instance).Migrate(ServiceDatabase.All[0]);
        Database = NpgsqlDataSource.Create(connectionString);

        var builder = new TestClusterBuilder(1);
        builder.AddSiloBuilderConfigurator<SiloConfigurator>();
        builder.AddClientBuilderConfigurator<ClientConfigurator>();
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
        await Database.DisposeAsync();
        if (postgres is not null)
        {
            await postgres.DisposeAsync();
        }
    }

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            siloBuilder.Services.AddSerializer(serializer => serializer.AddDomainJson());
            siloBuilder.Services.AddSingleton(_ => NpgsqlDataSource.Create(connectionString!));
            siloBuilder.Services.AddSingleton<MonthlyPartitions>();
            siloBuilder.Services.AddSingleton<OutcomeEventLog>();
            siloBuilder.Services.AddSingleton<UseCaseRegistry>();
            siloBuilder.Services.AddSingleton<BaselineStore>();
            siloBuilder.Services.AddSingleton<AnnotationStore>();
            siloBuilder.Services.AddSingleton<AiRoi.Metrics.Experiments.ExperimentLiftStore>();
            siloBuilder.Services.AddSingleton<ExperimentEventPublisher>();
            siloBuilder.Services.AddSingleton<AiRoi.Metrics.Organization.OrganizationStore>();
            siloBuilder.Services.AddSingleton<AiRoi.Metrics.AiCost.PriceBookStore>();
            siloBuilder.Services.AddSingleton<AiRoi.Metrics.AiCost.AiCostLedger>();
            siloBuilder.Services.AddSingleton<AiRoi.Metrics.Portfolio.PortfolioSummaries>();
            // The events in these tests carry no experiment, so nothing is published; the in-memory bus satisfies the
            // publisher, which needs plain JSON as AddAiRoiBus sets it up.
            siloBuilder.Services.AddMassTransit(bus => bus.UsingInMemory((context, memory) =>
            {
                memory.AddPlainJson([]);
                memory.ConfigureEndpoints(context);
            }));
        }
    }

    private sealed class ClientConfigurator : IClientBuilderConfigurator
    {
        public void Configure(IConfiguration configuration, IClientBuilder clientBuilder) =>
            clientBuilder.Services.AddSerializer(serializer => serializer.AddDomainJson());
    }
}

/// <summary>The tests that share one <see cref="MetricsCluster"/>.</summary>
[CollectionDefinition(Name)]
public sealed class MetricsClusterCollection : ICollectionFixture<MetricsCluster>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "metrics cluster";
}
