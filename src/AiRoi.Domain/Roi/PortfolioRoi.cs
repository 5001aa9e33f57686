namespace AiRoi.Domain.Roi;

/// <summary>
/// The portfolio's totals: the use cases' savings, revenue lift, time saved, fixed costs and net benefit added
/// up (standard errors in quadrature, the use cases being independent samples), and ROI on the total.
/// </summary>
/// <param name="UseCases">Use cases past go-live, whose fixed costs count whether or not they have an ROI figure.</param>
/// <param name="Savings">Total savings.</param>
/// <param name="RevenueLift">Total revenue lift.</param>
/// <param name="TimeSavedHours">Total hours saved.</param>
/// <param name="FixedCosts">Total fixed costs.</param>
/// <param name="NetBenefit">Total net benefit.</param>
/// <param name="Roi">Total net benefit / total fixed costs; null without fixed costs.</param>
/// <param name="WithRoi">Of <paramref name="UseCases"/>, those with an ROI figure (the others lack a baseline, events or fixed costs).</param>
public sealed record PortfolioRoi(
    int UseCases, Estimate Savings, Estimate RevenueLift, Estimate TimeSavedHours, double FixedCosts, Estimate NetBenefit, Estimate? Roi, int WithRoi = 0)
{
    /// <summary>
    /// Adds up the figures of each use case. A use case whose net benefit cannot be computed still adds its
    /// fixed costs: leaving them out would flatter the portfolio.
    /// </summary>
    public static PortfolioRoi Add(IEnumerable<RoiFigures> figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        var list = figures.ToList();
        var savings = Estimate.Sum(list.Select(figure => figure.Savings).OfType<Estimate>());
        var revenue = Estimate.Sum(list.Select(figure => figure.RevenueLift).OfType<Estimate>());
        var time = Estimate.Sum(list.Select(figure => figure.TimeSavedHours).OfType<Estimate>());
        var fixedCosts = list.Sum(figure => figure.FixedCosts);
        var benefit = Estimate.Sum([savings, revenue]);
        var net = Estimate.FromError(benefit.Value - fixedCosts, benefit.StandardError);
        var roi = fixedCosts > 0 ? new Estimate(net.Value / fixedCosts, net.Low / fixedCosts, net.High / fixedCosts, net.StandardError / fixedCosts) : null;
        return new(list.Count, savings, revenue, time, fixedCosts, net, roi, list.Count(figure => figure.Roi is not null));
    }
}
