namespace AiRoi.Domain.Annotations;

/// <summary>
/// What else changed. Wire names: <c>model-change</c>, <c>prompt-change</c>, <c>price-change</c>, <c>campaign</c>,
/// <c>staffing</c>, <c>seasonality</c>, <c>process-change</c>, <c>other</c>.
/// </summary>
public enum AnnotationKind
{
    /// <summary>A new model or model version.</summary>
    ModelChange = 1,

    /// <summary>A new prompt or prompt version.</summary>
    PromptChange = 2,

    /// <summary>A price change (ours or the model provider's).</summary>
    PriceChange = 3,

    /// <summary>A marketing campaign or promotion.</summary>
    Campaign = 4,

    /// <summary>More or fewer people, a new team, training.</summary>
    Staffing = 5,

    /// <summary>A seasonal peak or trough (holidays, year end).</summary>
    Seasonality = 6,

    /// <summary>A change to the process around the AI (routing, escalation rules).</summary>
    ProcessChange = 7,

    /// <summary>Anything else worth knowing when reading a chart.</summary>
    Other = 8,
}
