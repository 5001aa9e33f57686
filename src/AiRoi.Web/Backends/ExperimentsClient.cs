using AiRoi.Contracts.Api;
using AiRoi.Domain.Experiments;
using AiRoi.Web.Accounts;

namespace AiRoi.Web.Backends;

/// <summary>The experiments API (port 5083): definitions, lifecycle, results. Writes need <see cref="WebPermission.Edit"/>.</summary>
public sealed class ExperimentsClient(HttpClient http, AccessGate gate) : BackendClient(http, gate, "experiments")
{
    /// <summary>Every experiment, optionally of one use case.</summary>
    public Task<BackendAnswer<IReadOnlyList<Experiment>>> ListAsync(string? useCaseId, CancellationToken cancellationToken) =>
        GetAsync<IReadOnlyList<Experiment>>("/api/v1/experiments" + Query(("useCaseId", useCaseId)), cancellationToken);

    /// <summary>One experiment.</summary>
    public Task<BackendAnswer<Experiment>> GetAsync(string id, CancellationToken cancellationToken) =>
        GetAsync<Experiment>($"/api/v1/experiments/{Segment(id)}", cancellationToken);

    /// <summary>Results as of now.</summary>
    public Task<BackendAnswer<ExperimentResults>> ResultsAsync(string id, CancellationToken cancellationToken) =>
        GetAsync<ExperimentResults>($"/api/v1/experiments/{Segment(id)}/results", cancellationToken);

    /// <summary>Defines a draft (editors).</summary>
    public Task<BackendAnswer<Experiment>> CreateAsync(ExperimentDefinition definition, CancellationToken cancellationToken) =>
        WriteAsync<Experiment>(HttpMethod.Post, "/api/v1/experiments", definition, WebPermission.Edit, cancellationToken);

    /// <summary>Starts assigning (editors).</summary>
    public Task<BackendAnswer<Experiment>> StartAsync(string id, CancellationToken cancellationToken) =>
        WriteAsync<Experiment>(HttpMethod.Post, $"/api/v1/experiments/{Segment(id)}/start", null, WebPermission.Edit, cancellationToken);

    /// <summary>Stops assigning (editors).</summary>
    public Task<BackendAnswer<Experiment>> StopAsync(string id, CancellationToken cancellationToken) =>
        WriteAsync<Experiment>(HttpMethod.Post, $"/api/v1/experiments/{Segment(id)}/stop", null, WebPermission.Edit, cancellationToken);

    /// <summary>
    /// Records the decision (editors); <paramref name="variant"/> names the treatment shipped when there are several
    /// (left out otherwise, as the API then ships the only one).
    /// </summary>
    public Task<BackendAnswer<Experiment>> ConcludeAsync(
        string id, ExperimentDecision decision, string? note, CancellationToken cancellationToken, string? variant = null) =>
        WriteAsync<Experiment>(HttpMethod.Post, $"/api/v1/experiments/{Segment(id)}/conclude", new { decision, note, variant }, WebPermission.Edit, cancellationToken);
}
