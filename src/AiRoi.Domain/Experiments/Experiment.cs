using AiRoi.Domain.Roi;

namespace AiRoi.Domain.Experiments;

/// <summary>An experiment as stored: its definition, where it is in its life, and the decisions taken on it.</summary>
/// <param name="Id">The id the service gave it.</param>
/// <param name="Definition">What the experimenter defined (valid, with the seed filled in).</param>
/// <param name="Status">Draft, running, stopped or concluded.</param>
public sealed record Experiment(string Id, ExperimentDefinition Definition, ExperimentStatus Status)
{
    /// <summary>When it was created.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When it first started assigning.</summary>
    public DateTimeOffset? StartedAt { get; init; }

    /// <summary>When it last stopped.</summary>
    public DateTimeOffset? StoppedAt { get; init; }

    /// <summary>When it was concluded.</summary>
    public DateTimeOffset? ConcludedAt { get; init; }

    /// <summary>The decisions taken, oldest first; the last of a concluded experiment is ship or roll back.</summary>
    public IReadOnlyList<DecisionRecord> Decisions { get; init; } = [];

    /// <summary>The latest periodic analysis: when it ran and why the experiment is ready for a decision; null before the first.</summary>
    public AnalysisSummary? Analysis { get; init; }
}

/// <summary>One decision on an experiment.</summary>
/// <param name="Decision">Ship, roll back or keep running.</param>
/// <param name="Note">Why.</param>
/// <param name="DecidedBy">Who (the API key's name).</param>
/// <param name="DecidedAt">When.</param>
public sealed record DecisionRecord(ExperimentDecision Decision, string? Note, string DecidedBy, DateTimeOffset DecidedAt)
{
    /// <summary>For ship: the treatment rolled out, whose lift counts in the use case's ROI.</summary>
    public string? Variant { get; init; }

    /// <summary>For ship: the treatment's absolute conversion lift over control when it was shipped, with its interval; what ROI counts as revenue lift.</summary>
    public ConversionLiftEvidence? ConversionLift { get; init; }

    /// <summary>For ship: why it was not ready when shipped (not significant, sample short, mismatch, a guardrail degraded); the note says why it shipped anyway.</summary>
    public IReadOnlyList<string> Concerns { get; init; } = [];
}

/// <summary>What the periodic analysis last found.</summary>
/// <param name="AnalyzedAt">When it ran.</param>
/// <param name="ReadyForDecision">Why the experiment is ready for a decision; empty when it is not.</param>
public sealed record AnalysisSummary(DateTimeOffset AnalyzedAt, IReadOnlyList<string> ReadyForDecision);
