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
}

/// <summary>One decision on an experiment.</summary>
/// <param name="Decision">Ship, roll back or keep running.</param>
/// <param name="Note">Why.</param>
/// <param name="DecidedBy">Who (the API key's name).</param>
/// <param name="DecidedAt">When.</param>
public sealed record DecisionRecord(ExperimentDecision Decision, string? Note, string DecidedBy, DateTimeOffset DecidedAt);
