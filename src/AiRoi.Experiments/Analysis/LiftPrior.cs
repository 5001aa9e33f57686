using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace AiRoi.Experiments.Analysis;

/// <summary>
/// A normal prior on the relative lift for the Bayesian method, e.g. mean 0 and variance 0.09 says "lifts
/// beyond ±60% are rare". It shrinks small, noisy experiments toward the prior mean; for an absolute difference it
/// is rescaled by the observed control mean.
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
[JsonNumberHandling(JsonNumberHandling.Strict)]
public sealed record LiftPrior
{
    /// <summary>Required. Prior mean of the relative lift (0 = no expected effect).</summary>
    [Required]
    public double? Mean { get; init; }

    /// <summary>Required. Prior variance of the relative lift; greater than 0.</summary>
    [Required]
    public double? Variance { get; init; }
}
