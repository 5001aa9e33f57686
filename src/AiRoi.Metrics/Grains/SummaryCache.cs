using AiRoi.Domain.Reports;

namespace AiRoi.Metrics.Grains;

/// <summary>
/// A use case's portfolio summary between portfolio reads. The portfolio asks every grain for its summary on each
/// call, so the summary is kept: a change of configuration (definition, baseline, annotation) drops it and the
/// next read computes it; new events only mark it stale and the grain's timer recomputes it, so that a portfolio
/// read while events flow never waits for a thousand summaries and lags new events by at most one timer period.
/// Each computed summary is handed to <paramref name="computed"/> and each drop told to <paramref name="dropped"/>
/// (the grain passes them to its silo's portfolio, which then reads the summary without a call).
/// </summary>
/// <param name="compute">Computes the summary as of a day.</param>
/// <param name="computed">Told each new summary: the day, the summary and its revision.</param>
/// <param name="dropped">Told when the summary is dropped.</param>
public sealed class SummaryCache(Func<DateOnly, UseCaseSummary> compute, Action<DateOnly, UseCaseSummary, Guid>? computed = null, Action? dropped = null)
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
            kept = Compute(today);
            stale = false;
        }
        return (kept.Summary, kept.Revision);
    }

    /// <summary>New events arrived: the timer recomputes the summary.</summary>
    public void MarkStale() => stale = true;

    /// <summary>The configuration changed: the next read computes the summary.</summary>
    public void Drop()
    {
        cached = null;
        dropped?.Invoke();
    }

    /// <summary>On the timer: recomputes a summary that new events have made stale.</summary>
    public void RefreshIfStale()
    {
        if (stale && cached is { } kept)
        {
            Compute(kept.Today);
        }
        stale = false;
    }

    private (DateOnly Today, UseCaseSummary Summary, Guid Revision) Compute(DateOnly today)
    {
        var fresh = (today, compute(today), Guid.NewGuid());
        cached = fresh;
        computed?.Invoke(fresh.today, fresh.Item2, fresh.Item3);
        return fresh;
    }
}
