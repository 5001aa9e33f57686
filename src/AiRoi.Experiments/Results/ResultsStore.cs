using AiRoi.Domain.Rollups;
using AiRoi.ServiceDefaults.Data;
using Npgsql;

namespace AiRoi.Experiments.Results;

/// <summary>Reads an experiment's exposures and per-variant statistics: a few rows per variant, whatever the traffic.</summary>
public sealed class ResultsStore(NpgsqlDataSource dataSource)
{
    /// <summary>The exposures and moments results are computed from.</summary>
    public async Task<VariantData> ReadAsync(string experimentId, CancellationToken cancellationToken)
    {
        await using var batch = dataSource.CreateBatch();
        var exposures = new NpgsqlBatchCommand("select variant, subjects from experiments.variant_exposures where experiment_id = $1")
            .WithValues(experimentId);
        var statistics = new NpgsqlBatchCommand("select variant, metric_key, n, sum, sum_of_squares from experiments.variant_statistics where experiment_id = $1")
            .WithValues(experimentId);
        batch.BatchCommands.Add(exposures);
        batch.BatchCommands.Add(statistics);

        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        var subjects = new Dictionary<string, long>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            subjects[reader.GetString(0)] = reader.GetInt64(1);
        }
        await reader.NextResultAsync(cancellationToken);
        var moments = new Dictionary<(string, string), Moments>();
        while (await reader.ReadAsync(cancellationToken))
        {
            moments[(reader.GetString(0), reader.GetString(1))] = new Moments(reader.GetInt64(2), reader.GetDouble(3), reader.GetDouble(4));
        }
        return new VariantData(subjects, moments);
    }
}
