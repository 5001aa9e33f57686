namespace AiRoi.Domain.Experiments;

/// <summary>
/// The moves an experiment may make: draft → running (start); running → stopped (stop); stopped → running
/// (start again); running or stopped → concluded (conclude with ship or roll back), or back to running with a
/// recorded keep-running decision. A concluded experiment never moves again. Each refused move says why.
/// </summary>
public static class ExperimentLifecycle
{
    /// <summary>The experiment started (or restarted), or why it cannot.</summary>
    public static (Experiment? Next, string? Refusal) Start(Experiment experiment, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        return experiment.Status switch
        {
            ExperimentStatus.Draft or ExperimentStatus.Stopped =>
                (experiment with { Status = ExperimentStatus.Running, StartedAt = experiment.StartedAt ?? now }, null),
            ExperimentStatus.Running => (experiment, null),
            _ => (null, "A concluded experiment cannot start again; create a new experiment to test again."),
        };
    }

    /// <summary>The experiment stopped, or why it cannot.</summary>
    public static (Experiment? Next, string? Refusal) Stop(Experiment experiment, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        return experiment.Status switch
        {
            ExperimentStatus.Running => (experiment with { Status = ExperimentStatus.Stopped, StoppedAt = now }, null),
            ExperimentStatus.Stopped => (experiment, null),
            ExperimentStatus.Draft => (null, "A draft has not started; there is nothing to stop."),
            _ => (null, "A concluded experiment has already stopped."),
        };
    }

    /// <summary>The decision recorded and the experiment concluded (or running again for keep-running), or why not.</summary>
    public static (Experiment? Next, string? Refusal) Conclude(Experiment experiment, DecisionRecord decision)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        ArgumentNullException.ThrowIfNull(decision);
        if (experiment.Status is ExperimentStatus.Draft)
        {
            return (null, "A draft has no results to decide on; start it first.");
        }
        if (experiment.Status is ExperimentStatus.Concluded)
        {
            return (null, $"The experiment is already concluded ({experiment.Decisions[^1].Decision}); decisions are final.");
        }
        var decisions = experiment.Decisions.Append(decision).ToList();
        return decision.Decision == ExperimentDecision.KeepRunning
            ? (experiment with { Status = ExperimentStatus.Running, Decisions = decisions }, null)
            : (experiment with { Status = ExperimentStatus.Concluded, ConcludedAt = decision.DecidedAt, Decisions = decisions }, null);
    }

    /// <summary>Whether the definition may still change: only a draft's; a running experiment's variants and weights are fixed.</summary>
    public static string? RefuseChange(Experiment experiment)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        return experiment.Status == ExperimentStatus.Draft
            ? null
            : $"The experiment is {experiment.Status.ToString().ToLowerInvariant()}: changing its variants or weights would move subjects already exposed to another variant and mix their outcomes. Create a new experiment instead.";
    }
}
