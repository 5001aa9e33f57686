using System.Reflection;
using DbUp;
using DbUp.Engine;

namespace AiRoi.Migrations;

/// <summary>
/// Applies each service database's embedded SQL scripts in name order, once: DbUp journals what ran in
/// <c>public.schemaversions</c>, so a second run applies nothing.
/// </summary>
public sealed partial class SchemaMigrator(IConfiguration configuration, ILogger<SchemaMigrator> logger)
{
    /// <summary>Applies the scripts not yet journaled (the app host has created the database).</summary>
    public void Migrate(ServiceDatabase database)
    {
        var connectionString = configuration.GetConnectionString(database.ConnectionName)
            ?? throw new InvalidOperationException(
                $"ConnectionStrings:{database.ConnectionName} is not set; the app host provides it.");

        var prefix = $"{typeof(SchemaMigrator).Namespace}.Scripts.{database.ScriptFolder}.";
        var upgrader = DeployChanges.To
            .PostgresqlDatabase(connectionString)
            .WithScriptsEmbeddedInAssembly(Assembly.GetExecutingAssembly(), name => name.StartsWith(prefix, StringComparison.Ordinal))
            .WithTransactionPerScript()
            .LogToNowhere()
            .Build();

        DatabaseUpgradeResult result = upgrader.PerformUpgrade();
        if (!result.Successful)
        {
            throw new InvalidOperationException(
                $"Migrating {database.ConnectionName} failed in {result.ErrorScript?.Name}.", result.Error);
        }

        foreach (var script in result.Scripts)
        {
            LogScriptApplied(database.ConnectionName, script.Name);
        }
        LogDatabaseReady(database.ConnectionName, result.Scripts.Count());
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied {Script} to {Database}")]
    private partial void LogScriptApplied(string database, string script);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Database} is up to date ({Applied} scripts applied now)")]
    private partial void LogDatabaseReady(string database, int applied);
}
