using AiRoi.Domain.AiCost;
using AiRoi.Domain.Alerts;
using AiRoi.Domain.Digests;
using AiRoi.Domain.Attribution;
using AiRoi.Contracts.Api;
using AiRoi.Contracts.UseCases;
using AiRoi.Domain.Annotations;
using AiRoi.Domain.Baselines;
using AiRoi.Domain.Metrics;
using AiRoi.Domain.Portfolio;
using AiRoi.Domain.Reports;
using AiRoi.Domain.Reviews;
using AiRoi.Domain.UseCases;
using AiRoi.Web.Accounts;

namespace AiRoi.Web.Backends;

/// <summary>
/// The metrics API (port 5082): the portfolio, a use case's reports, and its configuration. Reports read into the
/// domain's own report types; writes need <see cref="WebPermission.Edit"/>.
/// </summary>
public sealed class MetricsClient(HttpClient http, AccessGate gate) : BackendClient(http, gate, "metrics")
{
    /// <summary>The portfolio, filtered and sorted by the metrics API.</summary>
    public Task<BackendAnswer<PortfolioReport>> PortfolioAsync(PortfolioQuery query, CancellationToken cancellationToken) =>
        GetAsync<PortfolioReport>("/api/v1/portfolio" + Query(
            ("category", query.Category), ("owner", query.Owner), ("health", query.Health), ("sort", query.Sort), ("order", query.Order),
            ("from", query.From is { } from ? Day(from) : null), ("to", query.To is { } to ? Day(to) : null)),
            cancellationToken);

    /// <summary>The portfolio's ROI by month over the query's period (the last twelve months without one), for the same filters.</summary>
    public Task<BackendAnswer<PortfolioOverTime>> PortfolioOverTimeAsync(PortfolioQuery query, CancellationToken cancellationToken) =>
        GetAsync<PortfolioOverTime>("/api/v1/portfolio/over-time" + Query(
            ("category", query.Category), ("owner", query.Owner),
            ("from", query.From is { } from ? Day(from) : null), ("to", query.To is { } to ? Day(to) : null)),
            cancellationToken);

    /// <summary>A use case's definition.</summary>
    public Task<BackendAnswer<RegisteredUseCase>> UseCaseAsync(string id, CancellationToken cancellationToken) =>
        GetAsync<RegisteredUseCase>($"/api/v1/use-cases/{Segment(id)}", cancellationToken);

    /// <summary>Every metric as a KPI tile (last 28 days, or <paramref name="from"/> to <paramref name="to"/>; baseline, change, targets).</summary>
    public Task<BackendAnswer<IReadOnlyList<KeyMetricSummary>>> MetricsAsync(
        string id, bool keyOnly, CancellationToken cancellationToken, DateOnly? from = null, DateOnly? to = null) =>
        GetAsync<IReadOnlyList<KeyMetricSummary>>($"/api/v1/use-cases/{Segment(id)}/metrics" + Query(
            ("keyOnly", keyOnly ? "true" : null), ("from", from is { } start ? Day(start) : null), ("to", to is { } end ? Day(end) : null)), cancellationToken);

    /// <summary>One metric by period; <paramref name="by"/> <c>handler</c> splits it by handler.</summary>
    public Task<BackendAnswer<IReadOnlyList<MetricSeries>>> SeriesAsync(
        string id, string metric, string granularity, DateOnly from, DateOnly to, string? by, CancellationToken cancellationToken) =>
        GetAsync<IReadOnlyList<MetricSeries>>($"/api/v1/use-cases/{Segment(id)}/metrics/{Segment(metric)}" + Query(
            ("granularity", granularity), ("from", Day(from)), ("to", Day(to)), ("by", by)), cancellationToken);

    /// <summary>AI against human on one metric, raw and stratified by <paramref name="stratifyBy"/>.</summary>
    public Task<BackendAnswer<HandlerComparison>> ComparisonAsync(string id, string metric, string? stratifyBy, CancellationToken cancellationToken) =>
        GetAsync<HandlerComparison>($"/api/v1/use-cases/{Segment(id)}/comparison" + Query(("metric", metric), ("stratifyBy", stratifyBy)), cancellationToken);

    /// <summary>Escalations (<paramref name="exceptions"/> false) or exceptions by label and period.</summary>
    public Task<BackendAnswer<LabelBreakdown>> BreakdownAsync(string id, bool exceptions, string granularity, CancellationToken cancellationToken) =>
        GetAsync<LabelBreakdown>($"/api/v1/use-cases/{Segment(id)}/{(exceptions ? "exception-types" : "escalation-reasons")}" + Query(("granularity", granularity)), cancellationToken);

    /// <summary>ROI by period with intervals.</summary>
    public Task<BackendAnswer<RoiReport>> RoiAsync(string id, string granularity, CancellationToken cancellationToken, DateOnly? from = null, DateOnly? to = null) =>
        GetAsync<RoiReport>($"/api/v1/use-cases/{Segment(id)}/roi" + Query(("granularity", granularity), ("from", from is { } start ? Day(start) : null), ("to", to is { } end ? Day(end) : null)), cancellationToken);

    /// <summary>What part of a metric's change since go-live is the AI's, net of the trend it already had.</summary>
    public Task<BackendAnswer<MetricAttribution>> AttributionAsync(string id, string metric, CancellationToken cancellationToken) =>
        GetAsync<MetricAttribution>($"/api/v1/use-cases/{Segment(id)}/attribution" + Query(("metric", metric)), cancellationToken);

    /// <summary>The health checks that apply, with reasons and evidence.</summary>
    public Task<BackendAnswer<HealthReport>> HealthAsync(string id, CancellationToken cancellationToken) =>
        GetAsync<HealthReport>($"/api/v1/use-cases/{Segment(id)}/health", cancellationToken);

    /// <summary>Every baseline version of every metric.</summary>
    public Task<BackendAnswer<BaselineHistory>> BaselinesAsync(string id, CancellationToken cancellationToken) =>
        GetAsync<BaselineHistory>($"/api/v1/use-cases/{Segment(id)}/baselines", cancellationToken);

    /// <summary>The use case's log position and running totals (events per day and handler, the last event).</summary>
    public Task<BackendAnswer<UseCaseTotals>> EventLogAsync(string id, CancellationToken cancellationToken) =>
        GetAsync<UseCaseTotals>($"/api/v1/use-cases/{Segment(id)}/event-log", cancellationToken);

    /// <summary>The annotations, by date.</summary>
    public Task<BackendAnswer<IReadOnlyList<Annotation>>> AnnotationsAsync(string id, CancellationToken cancellationToken) =>
        GetAsync<IReadOnlyList<Annotation>>($"/api/v1/use-cases/{Segment(id)}/annotations", cancellationToken);

    /// <summary>The review log.</summary>
    public Task<BackendAnswer<IReadOnlyList<Review>>> ReviewsAsync(string id, CancellationToken cancellationToken) =>
        GetAsync<IReadOnlyList<Review>>($"/api/v1/use-cases/{Segment(id)}/reviews", cancellationToken);

    /// <summary>Records an annotation (editors).</summary>
    public Task<BackendAnswer<Annotation>> AddAnnotationAsync(string id, AnnotationRequest request, CancellationToken cancellationToken) =>
        WriteAsync<Annotation>(HttpMethod.Post, $"/api/v1/use-cases/{Segment(id)}/annotations", request, WebPermission.Edit, cancellationToken);

    /// <summary>Records a new baseline version (editors).</summary>
    public Task<BackendAnswer<BaselineVersion>> AddBaselineAsync(string id, BaselineRequest request, CancellationToken cancellationToken) =>
        WriteAsync<BaselineVersion>(HttpMethod.Post, $"/api/v1/use-cases/{Segment(id)}/baselines", request, WebPermission.Edit, cancellationToken);

    /// <summary>Records a review (editors).</summary>
    public Task<BackendAnswer<Review>> AddReviewAsync(string id, ReviewRequest request, CancellationToken cancellationToken) =>
        WriteAsync<Review>(HttpMethod.Post, $"/api/v1/use-cases/{Segment(id)}/reviews", request, WebPermission.Edit, cancellationToken);

    /// <summary>Replaces the targets (editors).</summary>
    public Task<BackendAnswer<RegisteredUseCase>> ReplaceTargetsAsync(RegisteredUseCase useCase, IReadOnlyList<Target> targets, CancellationToken cancellationToken) =>
        WriteAsync<RegisteredUseCase>(HttpMethod.Put, $"/api/v1/use-cases/{Segment(useCase.Id)}/targets", new { targets }, WebPermission.Edit, cancellationToken, useCase.Revision);

    /// <summary>Replaces the custom metric definitions (editors).</summary>
    public Task<BackendAnswer<RegisteredUseCase>> ReplaceCustomMetricsAsync(
        RegisteredUseCase useCase, IReadOnlyList<CustomMetricDefinition> customMetrics, CancellationToken cancellationToken) =>
        WriteAsync<RegisteredUseCase>(HttpMethod.Put, $"/api/v1/use-cases/{Segment(useCase.Id)}/custom-metrics", new { customMetrics }, WebPermission.Edit, cancellationToken, useCase.Revision);

    /// <summary>Replaces a use case's definition (editors), refused when it changed since <paramref name="useCase"/> was read.</summary>
    public Task<BackendAnswer<RegisteredUseCase>> ReplaceUseCaseAsync(RegisteredUseCase useCase, CancellationToken cancellationToken) =>
        WriteAsync<RegisteredUseCase>(HttpMethod.Put, $"/api/v1/use-cases/{Segment(useCase.Id)}", useCase.ToReplacement(), WebPermission.Edit, cancellationToken, useCase.Revision);

    /// <summary>Every use case, archived ones too, by id: the web's list of what can be brought back.</summary>
    public Task<BackendAnswer<IReadOnlyList<RegisteredUseCase>>> UseCasesAsync(CancellationToken cancellationToken) =>
        GetAsync<IReadOnlyList<RegisteredUseCase>>("/api/v1/use-cases?includeArchived=true", cancellationToken);

    /// <summary>Registers a new use case (editors); refused when its id is taken.</summary>
    public Task<BackendAnswer<RegisteredUseCase>> CreateUseCaseAsync(UseCase useCase, CancellationToken cancellationToken) =>
        WriteAsync<RegisteredUseCase>(HttpMethod.Post, "/api/v1/use-cases",
            RegisteredUseCase.From(useCase, revision: 0, default, default).ToReplacement(), WebPermission.Edit, cancellationToken);

    /// <summary>Archives a use case (editors): it keeps its history and takes no more events.</summary>
    public Task<BackendAnswer<RegisteredUseCase>> ArchiveUseCaseAsync(RegisteredUseCase useCase, CancellationToken cancellationToken) =>
        WriteAsync<RegisteredUseCase>(HttpMethod.Post, $"/api/v1/use-cases/{Segment(useCase.Id)}/archive", null, WebPermission.Edit, cancellationToken, useCase.Revision);

    /// <summary>Brings an archived use case back (editors): it takes events again.</summary>
    public Task<BackendAnswer<RegisteredUseCase>> UnarchiveUseCaseAsync(RegisteredUseCase useCase, CancellationToken cancellationToken) =>
        WriteAsync<RegisteredUseCase>(HttpMethod.Post, $"/api/v1/use-cases/{Segment(useCase.Id)}/unarchive", null, WebPermission.Edit, cancellationToken, useCase.Revision);

    /// <summary>Removes an annotation recorded by mistake (editors).</summary>
    public Task<BackendAnswer<object>> DeleteAnnotationAsync(string id, long annotationId, CancellationToken cancellationToken) =>
        WriteAsync<object>(HttpMethod.Delete, $"/api/v1/use-cases/{Segment(id)}/annotations/{annotationId}", null, WebPermission.Edit, cancellationToken);

    /// <summary>The alert rules.</summary>
    public Task<BackendAnswer<IReadOnlyList<AlertRule>>> AlertRulesAsync(CancellationToken cancellationToken) =>
        GetAsync<IReadOnlyList<AlertRule>>("/api/v1/alert-rules", cancellationToken);

    /// <summary>Adds an alert rule (editors); answers its signing secret, once.</summary>
    public Task<BackendAnswer<CreatedAlertRule>> CreateAlertRuleAsync(string? useCaseId, IReadOnlyList<AlertKind> kinds, string webhookUrl, CancellationToken cancellationToken) =>
        WriteAsync<CreatedAlertRule>(HttpMethod.Post, "/api/v1/alert-rules", new { useCaseId, kinds, webhookUrl }, WebPermission.Edit, cancellationToken);

    /// <summary>Deletes an alert rule (editors).</summary>
    public Task<BackendAnswer<object>> DeleteAlertRuleAsync(long ruleId, CancellationToken cancellationToken) =>
        WriteAsync<object>(HttpMethod.Delete, $"/api/v1/alert-rules/{ruleId}", null, WebPermission.Edit, cancellationToken);

    /// <summary>The latest alerts, each with its delivery log.</summary>
    public Task<BackendAnswer<IReadOnlyList<AlertRecord>>> AlertsAsync(CancellationToken cancellationToken) =>
        GetAsync<IReadOnlyList<AlertRecord>>("/api/v1/alerts", cancellationToken);

    /// <summary>The weekly digests of the week containing <paramref name="week"/> (the last complete week without one), one per business owner.</summary>
    public Task<BackendAnswer<IReadOnlyList<DigestListing>>> DigestsAsync(DateOnly? week, CancellationToken cancellationToken) =>
        GetAsync<IReadOnlyList<DigestListing>>("/api/v1/digests" + Query(("week", week is { } day ? Day(day) : null)), cancellationToken);

    /// <summary>One owner's weekly digest, as the HTML they receive.</summary>
    public Task<BackendAnswer<string>> DigestAsync(string ownerEmail, DateOnly? week, CancellationToken cancellationToken) =>
        GetTextAsync($"/api/v1/digests/{Segment(ownerEmail)}" + Query(("week", week is { } day ? Day(day) : null)), cancellationToken);

    /// <summary>The organization's settings: its currency.</summary>
    public Task<BackendAnswer<OrganizationSettings>> OrganizationAsync(CancellationToken cancellationToken) =>
        GetAsync<OrganizationSettings>("/api/v1/organization", cancellationToken);

    /// <summary>Sets the organization's currency (admins).</summary>
    public Task<BackendAnswer<OrganizationSettings>> SetOrganizationCurrencyAsync(string currency, CancellationToken cancellationToken) =>
        WriteAsync<OrganizationSettings>(HttpMethod.Put, "/api/v1/organization", new { currency }, WebPermission.Administer, cancellationToken);

    /// <summary>Every price-book entry, newest first.</summary>
    public Task<BackendAnswer<IReadOnlyList<ModelPrice>>> ModelPricesAsync(CancellationToken cancellationToken) =>
        GetAsync<IReadOnlyList<ModelPrice>>("/api/v1/model-prices", cancellationToken);

    /// <summary>Adds a price of the organization's own.</summary>
    public Task<BackendAnswer<ModelPrice>> AddModelPriceAsync(ModelPriceRequest request, CancellationToken cancellationToken) =>
        WriteAsync<ModelPrice>(HttpMethod.Post, "/api/v1/model-prices", request, WebPermission.Edit, cancellationToken);

    /// <summary>Prices the traced calls again with the prices in force now: shows before and after, and records it when <paramref name="apply"/>.</summary>
    public Task<BackendAnswer<RepricingResult>> RecomputeAiCostAsync(bool apply, CancellationToken cancellationToken) =>
        WriteAsync<RepricingResult>(HttpMethod.Post, "/api/v1/model-prices/recompute", new RepricingRequest { Apply = apply }, WebPermission.Edit, cancellationToken);

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>The portfolio's filters and sort, in the metrics API's words (null leaves a filter out).</summary>
/// <param name="Category">A category's wire name.</param>
/// <param name="Owner">Any part of the owner's name or e-mail.</param>
/// <param name="Health"><c>healthy</c> or a check's wire name.</param>
/// <param name="Sort">A sort key (<c>name</c>, <c>roi</c>, …).</param>
/// <param name="Order"><c>asc</c> or <c>desc</c>.</param>
/// <param name="From">The first day of a chosen period; null for the usual windows.</param>
/// <param name="To">Its last day; null for today.</param>
public sealed record PortfolioQuery(
    string? Category = null, string? Owner = null, string? Health = null, string? Sort = null, string? Order = null, DateOnly? From = null, DateOnly? To = null);
