using System.Text.Json.Nodes;

namespace AiRoi.Demo;

/// <summary>
/// One use case of the demo portfolio: its registry definition and how its events are generated.
/// </summary>
/// <param name="Id">Slug id.</param>
/// <param name="Definition">The registry body (<c>POST /api/v1/use-cases</c>).</param>
/// <param name="PerDay">Mean events a day (the simulator varies each day between half and one and a half times this).</param>
/// <param name="Converts">Whether its events carry conversions (sales and marketing).</param>
/// <param name="Change">The annotation-worthy change, when it has one.</param>
public sealed record DemoUseCase(string Id, JsonObject Definition, double PerDay, bool Converts, DemoChange? Change = null);

/// <summary>
/// Something else that changed, on a day after go-live, and its effect on the AI: from that day a share of the AI's
/// unresolved tasks are resolved instead (a better prompt), so the resolution and first-contact rates step up and
/// escalations step down. The annotation says what changed; the health check "ignoring context" finds the shift
/// without one.
/// </summary>
/// <param name="DaysAfterGoLive">When it happened.</param>
/// <param name="Kind">Annotation kind (<c>prompt-change</c>).</param>
/// <param name="Title">What the annotation says.</param>
/// <param name="ResolvedShare">The share of unresolved AI tasks resolved from then on.</param>
public sealed record DemoChange(int DaysAfterGoLive, string Kind, string Title, double ResolvedShare);
