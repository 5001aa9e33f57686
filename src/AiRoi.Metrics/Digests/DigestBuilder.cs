using AiRoi.Contracts.UseCases;
using AiRoi.Domain.Digests;
using AiRoi.Domain.Reports;
using AiRoi.Metrics.Organization;
using AiRoi.Metrics.UseCases;
using AiRoi.ServiceDefaults.Data;
using Npgsql;

namespace AiRoi.Metrics.Digests;

/// <summary>
/// Puts weekly digests together from what the service already holds: the grains' summaries as of today (the figures
/// an owner reads on Monday are today's) grouped by business owner, and the alert conditions that started during the week.
/// </summary>
public sealed class DigestBuilder(UseCaseRegistry registry, IGrainFactory grains, OrganizationStore organization, NpgsqlDataSource dataSource)
{
    /// <summary>
    /// The digests of the week starting <paramref name="weekStart"/>, one per owner with an e-mail address, over the
    /// use cases <paramref name="covers"/> lets through (a key's scope).
    /// </summary>
    public async Task<IReadOnlyList<WeeklyDigest>> BuildAsync(DateOnly weekStart, DateOnly today, Func<string, bool> covers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(covers);
        var weekEnd = weekStart.AddDays(6);
        var ids = (await registry.ListIdsAsync(cancellationToken)).Where(covers).ToList();
        var summaries = (await Task.WhenAll(ids.Select(id => grains.GetGrain<IUseCaseGrain>(id).GetSummaryAsync(today, null))))
            .Select(answer => answer.Value)
            .OfType<UseCaseSummary>()
            .Where(summary => !summary.Archived && summary.Owner is { Email.Length: > 0 })
            .ToList();
        var events = await EventsAsync(summaries.Select(summary => summary.Id).ToArray(), weekStart, weekEnd.AddDays(1), cancellationToken);
        var currency = (await organization.ReadAsync(cancellationToken)).Currency;
        return summaries
            .GroupBy(summary => summary.Owner!.Email.Trim().ToLowerInvariant(), StringComparer.Ordinal)
            .Select(owned => new WeeklyDigest(owned.First().Owner!.Name, owned.Key, weekStart, owned.ToList(),
                events.Where(item => owned.Any(summary => summary.Id == item.UseCaseId)).ToList(), currency))
            .OrderBy(digest => digest.OwnerEmail, StringComparer.Ordinal)
            .ToList();
    }

    private async Task<List<DigestEvent>> EventsAsync(string[] useCaseIds, DateOnly from, DateOnly until, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            select use_case_id, title, detail, opened_at, closed_at from metrics.alert_conditions
            where use_case_id = any($1) and opened_at >= $2 and opened_at < $3
            order by opened_at
            """).WithValues((object)useCaseIds, from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), until.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));
        var events = new List<DigestEvent>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            events.Add(new DigestEvent(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetFieldValue<DateTimeOffset>(3),
                reader.IsDBNull(4) ? null : reader.GetFieldValue<DateTimeOffset>(4)));
        }
        return events;
    }
}
