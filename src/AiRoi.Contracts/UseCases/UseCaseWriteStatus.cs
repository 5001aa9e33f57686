namespace AiRoi.Contracts.UseCases;

/// <summary>Whether a use case takes events.</summary>
[GenerateSerializer]
[Alias("AiRoi.Contracts.UseCases.UseCaseWriteStatus")]
public enum UseCaseWriteStatus
{
    /// <summary>Registered and active: events are written.</summary>
    Open = 1,

    /// <summary>Not in the registry.</summary>
    Unknown = 2,

    /// <summary>Archived: kept for reporting, takes no new events.</summary>
    Archived = 3,
}
