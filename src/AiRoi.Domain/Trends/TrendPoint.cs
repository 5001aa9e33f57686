namespace AiRoi.Domain.Trends;

/// <summary>One period of a series whose trend <see cref="TrendSlope"/> fits.</summary>
/// <param name="X">The period index: 0 for the first week (or day), 1 for the next, and so on.</param>
/// <param name="Y">The metric's value for the period, e.g. that week's exception rate.</param>
/// <param name="Weight">
/// How much the period counts, usually its number of events so a busy week weighs more than a quiet one;
/// 1 for an unweighted fit. Periods with weight 0 carry no information and are left out of the fit.
/// </param>
public sealed record TrendPoint(double X, double Y, double Weight = 1);
