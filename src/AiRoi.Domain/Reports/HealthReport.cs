using AiRoi.Domain.Health;

namespace AiRoi.Domain.Reports;

/// <summary>A use case's health: the checks that apply, with reasons and evidence, and which ran clean.</summary>
/// <param name="AsOf">The day the checks ran.</param>
/// <param name="Findings">The mistakes found.</param>
/// <param name="Passed">The checks that found nothing.</param>
public sealed record HealthReport(DateOnly AsOf, IReadOnlyList<HealthFinding> Findings, IReadOnlyList<HealthCheck> Passed);
