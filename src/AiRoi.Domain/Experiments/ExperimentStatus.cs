namespace AiRoi.Domain.Experiments;

/// <summary>Where an experiment is in its life. Wire names: <c>draft</c>, <c>running</c>, <c>stopped</c>, <c>concluded</c>.</summary>
public enum ExperimentStatus
{
    /// <summary>Defined, not yet assigning: variants and weights may still change.</summary>
    Draft = 1,

    /// <summary>Assigning subjects and collecting outcomes; its variants and weights are fixed.</summary>
    Running = 2,

    /// <summary>No longer assigning; results stay readable until a decision concludes it.</summary>
    Stopped = 3,

    /// <summary>Decided (ship or roll back); its lift is final.</summary>
    Concluded = 4,
}
