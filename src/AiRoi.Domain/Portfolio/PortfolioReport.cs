using AiRoi.Domain.Health;
using AiRoi.Domain.Roi;

namespace AiRoi.Domain.Portfolio;

/// <summary>The portfolio page (<c>GET /api/v1/portfolio</c>; the metrics API writes it, the web reads it): every use case that passes the filters, in the chosen order, and the totals.</summary>
/// <param name="AsOf">The day the figures are as of.</param>
/// <param name="UseCases">The use cases.</param>
/// <param name="Totals">ROI totals over the listed use cases, the last 90 days.</param>
/// <param name="Health">How many of the listed use cases each health check flags; <c>healthy</c> counts those with none.</param>
/// <param name="TotalsSinceGoLive">ROI totals over the listed use cases, each since its go-live.</param>
/// <param name="Currency">The organization's currency: every amount of a row without its own, and every total, is in it.</param>
/// <param name="NotAdded">Listed use cases kept in another currency, by currency: their amounts are not in the totals (there are no exchange rates here).</param>
public sealed record PortfolioReport(
    DateOnly AsOf, IReadOnlyList<PortfolioUseCase> UseCases, PortfolioRoi Totals, IReadOnlyDictionary<string, int> Health, PortfolioRoi? TotalsSinceGoLive = null,
    string Currency = AiRoi.Domain.UseCases.Currencies.Default, IReadOnlyDictionary<string, int>? NotAdded = null);
