using AiRoi.Domain.UseCases;

namespace AiRoi.Domain.Targets;

/// <summary>A target with its status and the figures the status rests on.</summary>
/// <param name="Target">The target as the business owner set it.</param>
/// <param name="Status">Met, on track, at risk or missed.</param>
/// <param name="Current">The metric over the <see cref="TargetEvaluator.WindowDays"/> days up to today (or up to the due date once it has passed); null without data.</param>
/// <param name="Projected">The weekly trend's value at the due date; null when there is no trend to project.</param>
/// <param name="Reason">The status in a sentence.</param>
public sealed record TargetEvaluation(Target Target, TargetStatus Status, double? Current, double? Projected, string Reason);
