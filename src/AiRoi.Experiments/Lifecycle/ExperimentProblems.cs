using AiRoi.ServiceDefaults.Http;

namespace AiRoi.Experiments.Lifecycle;

/// <summary>The problem types of the experiments API (<c>https://airoi.dev/problems/experiments/…</c>).</summary>
public static class ExperimentProblems
{
    /// <summary>No experiment has the id in the URL.</summary>
    public static readonly ProblemType NotFound = new("experiments/not-found", StatusCodes.Status404NotFound, "No experiment has this id.");

    /// <summary>The lifecycle move is not possible from where the experiment is (start a concluded one, stop a draft).</summary>
    public static readonly ProblemType LifecycleConflict = new("experiments/lifecycle-conflict", StatusCodes.Status409Conflict, "The experiment cannot make this move from its current status.");

    /// <summary>The definition of an experiment that has started cannot change.</summary>
    public static readonly ProblemType NotDraft = new("experiments/not-draft", StatusCodes.Status409Conflict, "Only a draft experiment's definition can change.");
}
