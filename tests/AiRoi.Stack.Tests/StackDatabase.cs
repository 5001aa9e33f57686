using Aspire.Hosting.Testing;
using Npgsql;

namespace AiRoi.Stack.Tests;

/// <summary>Direct reads of the stack's databases, to check what the APIs claim against what was stored.</summary>
public static class StackDatabase
{
    public static async Task<NpgsqlConnection> OpenAsync(StackFixture stack, string database)
    {
        using var timeout = new CancellationTokenSource(StackFixture.CallTimeout);
        var connection = new NpgsqlConnection(await stack.App.GetConnectionStringAsync(database, timeout.Token));
        await connection.OpenAsync(timeout.Token);
        return connection;
    }

    public static async Task<long> ScalarAsync(StackFixture stack, string database, string sql, params object[] parameters)
    {
        using var timeout = new CancellationTokenSource(StackFixture.CallTimeout);
        await using var connection = await OpenAsync(stack, database);
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
        {
            command.Parameters.AddWithValue(parameter);
        }
        return Convert.ToInt64(await command.ExecuteScalarAsync(timeout.Token));
    }

    /// <summary>Registers a use case straight in the registry's table (the registry API's own tests cover the API).</summary>
    public static async Task RegisterUseCaseAsync(StackFixture stack, string useCaseId, bool archived = false, string? aiGoLiveDate = null)
    {
        using var timeout = new CancellationTokenSource(StackFixture.CallTimeout);
        await using var connection = await OpenAsync(stack, "metricsdb");
        var goLive = aiGoLiveDate is null ? "" : $",\"aiGoLiveDate\":\"{aiGoLiveDate}\"";
        await using var command = new NpgsqlCommand(
            "insert into metrics.use_cases (id, definition, archived) values ($1, $2::jsonb, $3)", connection);
        command.Parameters.AddWithValue(useCaseId);
        command.Parameters.AddWithValue($$"""{"id":"{{useCaseId}}","name":"Test {{useCaseId}}","category":"customer-service","unitEconomics":{"loadedHumanCostPerHour":60,"valuePerConversion":100,"fixedMonthlyCosts":[]},"primaryMetric":"fcrRate"{{goLive}} }""");
        command.Parameters.AddWithValue(archived);
        await command.ExecuteNonQueryAsync(timeout.Token);
    }
}
