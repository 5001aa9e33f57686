using AiRoi.Domain.Reports;

namespace AiRoi.Metrics.Grains;

/// <summary>
/// A use case's portfolio summary between portfolio reads. The portfolio asks every grain for its summary on each
/// call, so the summary is kept: a change of configuration (definition, baseline, annotation) drops it and the
/// next read computes it; new events only mark it stale and the grain's timer recomputes it, so that a portfolio
/// read while events flow never waits for a thousand summaries and lags new events by at most one timer period.
/// </summary>
/// <param name="compute">Computes the summary as of a day.</param>
public sealed class SummaryCache(Func<DateOnly, UseCaseSummary> compute)
{
    private (DateOnly Today, UseCaseSummary Summary, Guid Revision)? cached;
    private bool stale;

    /// <summary>The summary as of <paramref name="today"/>, computed when there is none for that day.</summary>
    public UseCaseSummary Get(DateOnly today) => GetRevised(today).Summary;

    /// <summary>The summary as of <paramref name="today"/> and its revision, new each time the summary is computed.</summary>
    public (UseCaseSummary Summary, Guid Revision) GetRevised(DateOnly today)
    {
        if (cached is not { } kept || kept.Today != today)
        {
            cached = kept = (today, compute(today), Guid.NewGuid());
            stale = false;
        }
        return (kept.Summary, kept.Revision);
    }

    /// <summary>New events arrived: the timer recomputes the summary.</summary>
    public void MarkStale() => stale = true;

    /// <summary>The configuration changed: the next read computes the summary.</summary>
    public void Drop() => cached = null;

    /// <summary>On the timer: recomputes a summary that new events have made stale.</summary>
    public void RefreshIfStale()
    {
        if (stale && cached is { } kept)
        {
            cached = (kept.Today, compute(kept.Today), Guid.NewGuid());
        }
        stale = false;
    }
}
