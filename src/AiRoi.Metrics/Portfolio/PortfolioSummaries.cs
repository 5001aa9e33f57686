using System.Collections.Concurrent;
using AiRoi.Contracts.UseCases;
using AiRoi.Domain.Reports;

namespace AiRoi.Metrics.Portfolio;

/// <summary>
/// The portfolio's copy, in this silo, of each use case's usual summary (last 90 days). A portfolio call asks every
/// use case's grain, wherever it is active, whether its summary changed since the revision held here
/// (<see cref="SummaryRevision"/>): only changed summaries are sent, so with several silos an unchanged summary
/// crosses no silo boundary and its row JSON stays cached against the object held here.
/// </summary>
public sealed class PortfolioSummaries(IGrainFactory grains)
{
    private readonly ConcurrentDictionary<string, (Guid Revision, UseCaseSummary Summary)> held = new(StringComparer.Ordinal);

    /// <summary>The summaries of the registered use cases among <paramref name="ids"/> on <paramref name="today"/>, in that order.</summary>
    public async Task<IReadOnlyList<UseCaseSummary>> GetAsync(IReadOnlyList<string> ids, DateOnly today)
    {
        var summaries = await Task.WhenAll(ids.Select(async id =>
        {
            var known = held.TryGetValue(id, out var kept) ? kept : default;
            var answer = await grains.GetGrain<IUseCaseGrain>(id).GetSummaryIfChangedAsync(today, known.Revision);
            if (!answer.Registered)
            {
                held.TryRemove(id, out _);
                return null;
            }
            if (answer.Summary is { } changed)
            {
                held[id] = (answer.Revision, changed);
                return changed;
            }
            // Unchanged: the revision asked for is the one held (revisions are never empty, so known is set).
            return known.Summary;
        }));
        return summaries.OfType<UseCaseSummary>().ToList();
    }
}
