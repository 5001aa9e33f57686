namespace AiRoi.Domain.Experiments;

/// <summary>What the experimenter decided. Wire names: <c>ship</c>, <c>roll-back</c>, <c>keep-running</c>.</summary>
public enum ExperimentDecision
{
    /// <summary>The treatment wins: roll it out; the experiment is concluded and its lift counts in ROI.</summary>
    Ship = 1,

    /// <summary>The treatment does not pay: go back to control; the experiment is concluded.</summary>
    RollBack = 2,

    /// <summary>Not enough evidence yet: the experiment (re)starts assigning and the decision is recorded.</summary>
    KeepRunning = 3,
}
