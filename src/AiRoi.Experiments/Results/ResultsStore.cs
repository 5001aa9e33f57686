using AiRoi.Domain.Rollups;
using Npgsql;

namespace AiRoi.Experiments.Results;

/// <summary>Reads an experiment's exposures and per-variant statistics: a few rows per variant, whatever the traffic.</summary>
public sealed class ResultsStore(NpgsqlDataSource dataSource)
{
    /// <summary>Subjects first exposed, by variant.</summary>
    public async Task<Dictionary<string, long>> ExposuresAsync(string experimentId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("select variant, count(*) from experiments.exposures where experiment_id = $1 group by variant");
        command.Parameters.Add(new NpgsqlParameter { Value = experimentId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var exposures = new Dictionary<string, long>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            exposures[reader.GetString(0)] = reader.GetInt64(1);
        }
        return exposures;
    }

    /// <summary>The moments per (variant, metric).</summary>
    public async Task<Dictionary<(string Variant, string Metric), Moments>> StatisticsAsync(string experimentId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "select variant, metric_key, n, sum, sum_of_squares from experiments.variant_statistics where experiment_id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = experimentId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var statistics = new Dictionary<(string, string), Moments>();
        while (await reader.ReadAsync(cancellationToken))
        {
            statistics[(reader.GetString(0), reader.GetString(1))] = new Moments(reader.GetInt64(2), reader.GetDouble(3), reader.GetDouble(4));
        }
        return statistics;
    }
}
