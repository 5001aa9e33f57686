using AiRoi.Domain.Annotations;
using AiRoi.Domain;
using AiRoi.Metrics.Reports;
using AiRoi.ServiceDefaults.Data;
using Npgsql;

namespace AiRoi.Metrics.Annotations;

/// <summary>Annotations in <c>metrics.annotations</c>, written through the use case's grain (its health checks read them).</summary>
public sealed class AnnotationStore(NpgsqlDataSource dataSource)
{
    /// <summary>The use case's annotations by date.</summary>
    public async Task<List<Annotation>> ReadAsync(string useCaseId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "select id, date, kind, title, note, created_by, created_at from metrics.annotations where use_case_id = $1 order by date, id")
            .WithValues(useCaseId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var annotations = new List<Annotation>();
        while (await reader.ReadAsync(cancellationToken))
        {
            annotations.Add(new Annotation(
                reader.GetInt64(0),
                reader.GetFieldValue<DateOnly>(1),
                WireJson.Parse<AnnotationKind>(reader.GetString(2))!.Value,
                reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4),
                reader.GetString(5),
                reader.GetFieldValue<DateTimeOffset>(6)));
        }
        return annotations;
    }

    /// <summary>Stores an annotation; answers it with its id and time.</summary>
    public async Task<Annotation> InsertAsync(string useCaseId, Annotation draft, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        await using var command = dataSource.CreateCommand(
            "insert into metrics.annotations (use_case_id, date, kind, title, note, created_by) values ($1, $2, $3, $4, $5, $6) returning id, created_at")
            .WithValues(useCaseId, draft.Date, KindName(draft.Kind), draft.Title, draft.Note, draft.CreatedBy);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return draft with { Id = reader.GetInt64(0), CreatedAt = reader.GetFieldValue<DateTimeOffset>(1) };
    }

    /// <summary>Deletes one annotation; false when the use case has none with the id.</summary>
    public async Task<bool> DeleteAsync(string useCaseId, long id, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("delete from metrics.annotations where use_case_id = $1 and id = $2")
            .WithValues(useCaseId, id);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>The wire and column name of a kind (<c>model-change</c>).</summary>
    public static string KindName(AnnotationKind kind) => WireJson.Name(kind);
}
