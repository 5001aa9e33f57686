using AiRoi.Domain.Roi;
using AiRoi.Domain.Rollups;

namespace AiRoi.Domain.Reports;

/// <summary>ROI by period over a range, and over the whole range.</summary>
/// <param name="Granularity">Week, month or quarter.</param>
/// <param name="Periods">One entry per period from go-live on, in date order.</param>
/// <param name="Total">The whole range as one period.</param>
public sealed record RoiReport(Granularity Granularity, IReadOnlyList<RoiFigures> Periods, RoiFigures? Total);
