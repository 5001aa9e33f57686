using AiRoi.Domain.Reviews;
using AiRoi.Domain;
using AiRoi.Metrics.Reports;
using AiRoi.ServiceDefaults.Data;
using Npgsql;

namespace AiRoi.Metrics.Reviews;

/// <summary>The review log in <c>metrics.reviews</c>: appended to, never changed.</summary>
public sealed class ReviewStore(NpgsqlDataSource dataSource)
{
    /// <summary>The use case's reviews, newest first.</summary>
    public async Task<IReadOnlyList<Review>> ReadAsync(string useCaseId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "select id, reviewer, date, decision, note, created_at from metrics.reviews where use_case_id = $1 order by date desc, id desc")
            .WithValues(useCaseId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var reviews = new List<Review>();
        while (await reader.ReadAsync(cancellationToken))
        {
            reviews.Add(new Review(
                reader.GetInt64(0),
                reader.GetString(1),
                reader.GetFieldValue<DateOnly>(2),
                WireJson.Parse<ReviewDecision>(reader.GetString(3))!.Value,
                reader.IsDBNull(4) ? null : reader.GetString(4),
                reader.GetFieldValue<DateTimeOffset>(5)));
        }
        return reviews;
    }

    /// <summary>Appends a review; answers it with its id and time.</summary>
    public async Task<Review> InsertAsync(string useCaseId, Review draft, string createdBy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        await using var command = dataSource.CreateCommand(
            "insert into metrics.reviews (use_case_id, reviewer, date, decision, note, created_by) values ($1, $2, $3, $4, $5, $6) returning id, created_at")
            .WithValues(useCaseId, draft.Reviewer, draft.Date, DecisionName(draft.Decision), draft.Note, createdBy);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return draft with { Id = reader.GetInt64(0), CreatedAt = reader.GetFieldValue<DateTimeOffset>(1) };
    }

    /// <summary>The wire and column name of a decision (<c>keep</c>).</summary>
    public static string DecisionName(ReviewDecision decision) => WireJson.Name(decision);
}
