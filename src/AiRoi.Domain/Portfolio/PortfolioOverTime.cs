using AiRoi.Domain.Roi;
using AiRoi.Domain.Rollups;

namespace AiRoi.Domain.Portfolio;

/// <summary>
/// The portfolio's ROI period by period: for each month (or quarter), every listed use case's figures over that
/// period added up as <see cref="PortfolioRoi.Add"/> adds them. Only use cases in <paramref name="Currency"/> are added;
/// the others are counted per currency in <paramref name="NotAdded"/>.
/// </summary>
/// <param name="Granularity">Month or quarter.</param>
/// <param name="Currency">The organization's currency, the totals' currency.</param>
/// <param name="Periods">The periods from the first to the last asked, each with its totals.</param>
/// <param name="NotAdded">Use cases left out for being kept in another currency, by currency.</param>
public sealed record PortfolioOverTime(Granularity Granularity, string Currency, IReadOnlyList<PortfolioPeriod> Periods, IReadOnlyDictionary<string, int> NotAdded)
{
    /// <summary>
    /// Adds up each period of the use cases' ROI reports; a period none of them has is left out (before any go-live).
    /// </summary>
    public static PortfolioOverTime Add(Granularity granularity, string currency, IEnumerable<IReadOnlyList<RoiFigures>> useCasePeriods, IReadOnlyDictionary<string, int> notAdded)
    {
        ArgumentNullException.ThrowIfNull(useCasePeriods);
        var periods = useCasePeriods
            .SelectMany(periods => periods)
            .GroupBy(figures => figures.PeriodStart)
            .OrderBy(group => group.Key)
            .Select(group => new PortfolioPeriod(group.Key, PortfolioRoi.Add(group)))
            .ToList();
        return new(granularity, currency, periods, notAdded);
    }
}

/// <summary>One period of <see cref="PortfolioOverTime"/>.</summary>
/// <param name="PeriodStart">The period's first day.</param>
/// <param name="Totals">The use cases' figures over the period, added up.</param>
public sealed record PortfolioPeriod(DateOnly PeriodStart, PortfolioRoi Totals);
