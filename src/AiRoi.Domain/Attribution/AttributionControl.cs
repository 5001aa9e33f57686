using AiRoi.Domain.Reports;

namespace AiRoi.Domain.Attribution;

/// <summary>
/// What the owner names as the control of a difference-in-differences: another use case that did not get the AI
/// (its weekly series of the metrics asked about), or a segment of this use case the AI was not rolled out to (the
/// rest of the use case is then the treated part).
/// </summary>
/// <param name="Name">How the control reads in answers: <c>use-case:emea-support</c>, <c>segment:region:apac</c>.</param>
public sealed record AttributionControl(string Name)
{
    /// <summary>Another use case's weekly series, by metric key.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<MetricPoint>> Weeks { get; init; } = new Dictionary<string, IReadOnlyList<MetricPoint>>();

    /// <summary>The dimension of a segment control.</summary>
    public string? SegmentDimension { get; init; }

    /// <summary>The value of a segment control.</summary>
    public string? SegmentValue { get; init; }

    /// <summary>Another use case, by its weekly series of each metric asked about.</summary>
    public static AttributionControl UseCase(string id, IReadOnlyDictionary<string, IReadOnlyList<MetricPoint>> weeks) => new($"use-case:{id}") { Weeks = weeks };

    /// <summary>A segment of this use case.</summary>
    public static AttributionControl Segment(string dimension, string value) =>
        new($"segment:{dimension}:{value}") { SegmentDimension = dimension, SegmentValue = value };
}
