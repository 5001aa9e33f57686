using AiRoi.Domain.Roi;

namespace AiRoi.Contracts.Messages;

/// <summary>
/// An experiment was concluded with ship or roll back. For ship, <see cref="Lift"/> carries the shipped treatment's
/// absolute conversion lift over control with its interval, which the use case's ROI counts as revenue lift.
/// Published until the broker confirms it; consumers keep it once per experiment.
/// </summary>
/// <param name="UseCaseId">The use case the experiment ran on.</param>
/// <param name="ExperimentId">The experiment.</param>
/// <param name="Decision"><c>ship</c> or <c>roll-back</c>.</param>
/// <param name="Variant">For ship: the treatment rolled out.</param>
/// <param name="ConcludedAt">When the decision was taken.</param>
/// <param name="Lift">For ship: the conversion lift, when the experiment measured conversions; otherwise null.</param>
public sealed record ExperimentConcluded(
    string UseCaseId, string ExperimentId, string Decision, string? Variant, DateTimeOffset ConcludedAt, ConversionLiftEvidence? Lift);
