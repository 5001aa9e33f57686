using System.Collections.Concurrent;
using AiRoi.Contracts.UseCases;
using AiRoi.Domain.Reports;

namespace AiRoi.Metrics.Portfolio;

/// <summary>
/// The portfolio's copy, in this silo, of each use case's usual summary (last 90 days). The grains active in this
/// silo hand it each summary they compute and say when they drop one or deactivate, so a portfolio call reads
/// theirs without a call. Every other silo is asked once, for the use cases whose grains are active there, which of
/// their summaries changed since the revision held here (<see cref="ISiloSummaries"/>, <see cref="SummaryRevision"/>):
/// only changed summaries are sent, so an unchanged summary crosses no silo boundary and its row JSON stays cached
/// against the object held here. A use case no silo answers for (its grain not active anywhere) is asked of its
/// grain, which activates it.
/// </summary>
public sealed class PortfolioSummaries(IGrainFactory grains, IServiceProvider services)
{
    /// <summary>How long a read waits for another silo; one that has not answered by then (a silo dying before the
    /// cluster has declared it dead) is passed over and its use cases asked of their grains.</summary>
    public static readonly TimeSpan SiloAnswerTimeout = TimeSpan.FromSeconds(2);

    private readonly ConcurrentDictionary<string, (Guid Revision, UseCaseSummary Summary)> held = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (DateOnly Today, Guid Revision, UseCaseSummary Summary)> local = new(StringComparer.Ordinal);

    /// <summary>The grain of <paramref name="id"/>, active in this silo, computed its summary as of <paramref name="today"/>.</summary>
    public void Computed(string id, DateOnly today, UseCaseSummary summary, Guid revision) => local[id] = (today, revision, summary);

    /// <summary>The grain of <paramref name="id"/> dropped its summary or is leaving this silo: calls ask it again.</summary>
    public void Dropped(string id) => local.TryRemove(id, out _);

    /// <summary>
    /// For each use case of <paramref name="asked"/> whose grain is active in this silo with a summary as of
    /// <paramref name="today"/>: its revision, with the summary when it is not the revision asked with.
    /// </summary>
    public Dictionary<string, SummaryRevision> ChangedHere(DateOnly today, Dictionary<string, Guid> asked)
    {
        ArgumentNullException.ThrowIfNull(asked);
        var answers = new Dictionary<string, SummaryRevision>(StringComparer.Ordinal);
        foreach (var (id, revision) in asked)
        {
            if (local.TryGetValue(id, out var mine) && mine.Today == today)
            {
                answers[id] = new SummaryRevision(true, mine.Revision, mine.Revision == revision ? null : mine.Summary);
            }
        }
        return answers;
    }

    /// <summary>The summaries of the registered use cases among <paramref name="ids"/> on <paramref name="today"/>, in that order.</summary>
    public async Task<IReadOnlyList<UseCaseSummary>> GetAsync(IReadOnlyList<string> ids, DateOnly today)
    {
        var found = new Dictionary<string, UseCaseSummary>(StringComparer.Ordinal);
        var elsewhere = new Dictionary<string, Guid>(StringComparer.Ordinal);
        foreach (var id in ids)
        {
            if (local.TryGetValue(id, out var mine) && mine.Today == today)
            {
                found[id] = mine.Summary;
            }
            else
            {
                elsewhere[id] = held.TryGetValue(id, out var kept) ? kept.Revision : Guid.Empty;
            }
        }

        if (elsewhere.Count > 0)
        {
            foreach (var answers in await Task.WhenAll(OtherSilos().Select(silo => AskAsync(silo, today, elsewhere))))
            {
                foreach (var (id, answer) in answers)
                {
                    if (Take(id, answer) is { } summary)
                    {
                        found[id] = summary;
                    }
                }
            }
            var unanswered = elsewhere.Keys.Where(id => !found.ContainsKey(id)).ToList();
            var fromGrains = await Task.WhenAll(unanswered.Select(async id =>
                (id, summary: Take(id, await grains.GetGrain<IUseCaseGrain>(id).GetSummaryIfChangedAsync(today, elsewhere[id])))));
            foreach (var (id, summary) in fromGrains)
            {
                if (summary is not null)
                {
                    found[id] = summary;
                }
            }
        }
        return [.. ids.Where(found.ContainsKey).Select(id => found[id])];
    }

    /// <summary>
    /// Keeps a summary sent, or answers the one held for an unchanged revision; null for an unknown use case (or an
    /// unchanged one that a concurrent read has just let go, which is then asked of its grain).
    /// </summary>
    private UseCaseSummary? Take(string id, SummaryRevision answer)
    {
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
        // Unchanged: the revision asked with is the one held (revisions are never empty, so one was held).
        return held.TryGetValue(id, out var kept) && kept.Revision == answer.Revision ? kept.Summary : null;
    }

    /// <summary>The active silos other than this one, from this silo's view of the membership table.</summary>
    private IEnumerable<SiloAddress> OtherSilos()
    {
        var self = services.GetRequiredService<ILocalSiloDetails>().SiloAddress;
        return services.GetRequiredService<IClusterMembershipService>().CurrentSnapshot.Members.Values
            .Where(member => member.Status == SiloStatus.Active && !member.SiloAddress.Equals(self))
            .Select(member => member.SiloAddress);
    }

    private async Task<Dictionary<string, SummaryRevision>> AskAsync(SiloAddress silo, DateOnly today, Dictionary<string, Guid> asked)
    {
        try
        {
            return await services.GetRequiredService<SiloSummariesClient>().On(silo).GetChangedAsync(today, asked).WaitAsync(SiloAnswerTimeout);
        }
        catch (Exception exception) when (exception is TimeoutException or SiloUnavailableException)
        {
            return [];
        }
    }
}
