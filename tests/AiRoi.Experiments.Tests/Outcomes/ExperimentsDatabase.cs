using AiRoi.Migrations;
using AiRoi.ServiceDefaults.Data;
using AiRoi.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace AiRoi.Experiments.Tests.Outcomes;

/// <summary>A throwaway PostgreSQL with the experiment service's schema, shared by the consumer tests.</summary>
public sealed class ExperimentsDatabase : IAsyncLifetime
{
    private TestPostgres? postgres;

    /// <summary>The experiments database.</summary>
    public NpgsqlDataSource DataSource { get; private set; } = null!;

    /// <summary>A number from the database.</summary>
    public async Task<long> ScalarAsync(string sql, params object[] parameters)
    {
        await using var command = DataSource.CreateCommand(sql).WithValues(parameters);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        postgres = await TestPostgres.StartAsync();
        await postgres.CreateDatabaseAsync("experimentsdb");
        var connectionString = postgres.ConnectionString("experimentsdb");
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:experimentsdb"] = connectionString })
            .Build();
        new SchemaMigrator(configuration, NullLogger<SchemaMigrator>.Instance).Migrate(ServiceDatabase.All.Single(database => database.ConnectionName == "experimentsdb"));
        DataSource = NpgsqlDataSource.Create(connectionString);
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        await DataSource.DisposeAsync();
        if (postgres is not null)
        {
            await postgres.DisposeAsync();
        }
    }
}

/// <summary>The consumer tests that share one database.</summary>
[CollectionDefinition(Name)]
public sealed class ExperimentsDatabaseCollection : ICollectionFixture<ExperimentsDatabase>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "experiments database";
}
