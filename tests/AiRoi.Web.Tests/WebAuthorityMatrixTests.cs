using System.Reflection;
using System.Text.Json;
using AiRoi.Domain;
using AiRoi.Web.Accounts;
using AiRoi.Web.Backends;

namespace AiRoi.Web.Tests;

/// <summary>
/// The web's column of the authority matrix. The APIs trust the web's own key, so the web must refuse what a signed-in
/// person's role does not allow before anything is sent: every call the web's backend clients make, for each role
/// and for nobody signed in. Each call has one entry in <see cref="Matrix"/>; a call without an entry (a new one) fails.
/// Reads are refused to nobody-signed-in one step earlier, by the pages' and downloads' authorization (sign-in
/// required everywhere), so for that caller only the gated calls are checked here.
/// </summary>
public sealed class WebAuthorityMatrixTests
{
    /// <summary>Who may make a call through the web: anyone signed in, editors and admins, or admins.</summary>
    private const string SignedIn = "signed-in";

    /// <summary>Every public call of the backend clients: the request it sends (for the arguments below) and who may make it.</summary>
    private static readonly IReadOnlyDictionary<string, (string Request, string Least)> Matrix = new Dictionary<string, (string, string)>
    {
        ["IngestionClient.RejectionsAsync"] = ("GET /api/v1/rejections", SignedIn),
        ["IngestionClient.ImportCsvAsync"] = ("POST /api/v1/use-cases/bot/events/import", WebRole.Editor),
        ["IngestionClient.ApiKeysAsync"] = ("GET /api/v1/api-keys", WebRole.Admin),
        ["IngestionClient.CreateApiKeyAsync"] = ("POST /api/v1/api-keys", WebRole.Admin),
        ["IngestionClient.RevokeApiKeyAsync"] = ("POST /api/v1/api-keys/6f1c2a4e-9b1d-4c1a-8e55-0d5b7d9a1c11/revoke", WebRole.Admin),

        ["ExperimentsClient.ListAsync"] = ("GET /api/v1/experiments", SignedIn),
        ["ExperimentsClient.GetAsync"] = ("GET /api/v1/experiments/bot", SignedIn),
        ["ExperimentsClient.ResultsAsync"] = ("GET /api/v1/experiments/bot/results", SignedIn),
        ["ExperimentsClient.CreateAsync"] = ("POST /api/v1/experiments", WebRole.Editor),
        ["ExperimentsClient.StartAsync"] = ("POST /api/v1/experiments/bot/start", WebRole.Editor),
        ["ExperimentsClient.StopAsync"] = ("POST /api/v1/experiments/bot/stop", WebRole.Editor),
        ["ExperimentsClient.ConcludeAsync"] = ("POST /api/v1/experiments/bot/conclude", WebRole.Editor),

        ["MetricsClient.PortfolioAsync"] = ("GET /api/v1/portfolio", SignedIn),
        ["MetricsClient.PortfolioOverTimeAsync"] = ("GET /api/v1/portfolio/over-time", SignedIn),
        ["MetricsClient.UseCaseAsync"] = ("GET /api/v1/use-cases/bot", SignedIn),
        ["MetricsClient.MetricsAsync"] = ("GET /api/v1/use-cases/bot/metrics", SignedIn),
        ["MetricsClient.SeriesAsync"] = ("GET /api/v1/use-cases/bot/metrics/bot", SignedIn),
        ["MetricsClient.ComparisonAsync"] = ("GET /api/v1/use-cases/bot/comparison", SignedIn),
        ["MetricsClient.BreakdownAsync"] = ("GET /api/v1/use-cases/bot/escalation-reasons", SignedIn),
        ["MetricsClient.RoiAsync"] = ("GET /api/v1/use-cases/bot/roi", SignedIn),
        ["MetricsClient.AttributionAsync"] = ("GET /api/v1/use-cases/bot/attribution", SignedIn),
        ["MetricsClient.HealthAsync"] = ("GET /api/v1/use-cases/bot/health", SignedIn),
        ["MetricsClient.BaselinesAsync"] = ("GET /api/v1/use-cases/bot/baselines", SignedIn),
        ["MetricsClient.EventLogAsync"] = ("GET /api/v1/use-cases/bot/event-log", SignedIn),
        ["MetricsClient.AnnotationsAsync"] = ("GET /api/v1/use-cases/bot/annotations", SignedIn),
        ["MetricsClient.ReviewsAsync"] = ("GET /api/v1/use-cases/bot/reviews", SignedIn),
        ["MetricsClient.AddAnnotationAsync"] = ("POST /api/v1/use-cases/bot/annotations", WebRole.Editor),
        ["MetricsClient.AddBaselineAsync"] = ("POST /api/v1/use-cases/bot/baselines", WebRole.Editor),
        ["MetricsClient.AddReviewAsync"] = ("POST /api/v1/use-cases/bot/reviews", WebRole.Editor),
        ["MetricsClient.ReplaceTargetsAsync"] = ("PUT /api/v1/use-cases/bot/targets", WebRole.Editor),
        ["MetricsClient.ReplaceCustomMetricsAsync"] = ("PUT /api/v1/use-cases/bot/custom-metrics", WebRole.Editor),
        ["MetricsClient.ReplaceUseCaseAsync"] = ("PUT /api/v1/use-cases/bot", WebRole.Editor),
        ["MetricsClient.DeleteAnnotationAsync"] = ("DELETE /api/v1/use-cases/bot/annotations/7", WebRole.Editor),
        ["MetricsClient.UseCasesAsync"] = ("GET /api/v1/use-cases", SignedIn),
        ["MetricsClient.CreateUseCaseAsync"] = ("POST /api/v1/use-cases", WebRole.Editor),
        ["MetricsClient.ArchiveUseCaseAsync"] = ("POST /api/v1/use-cases/bot/archive", WebRole.Editor),
        ["MetricsClient.UnarchiveUseCaseAsync"] = ("POST /api/v1/use-cases/bot/unarchive", WebRole.Editor),
        ["MetricsClient.AlertRulesAsync"] = ("GET /api/v1/alert-rules", SignedIn),
        ["MetricsClient.CreateAlertRuleAsync"] = ("POST /api/v1/alert-rules", WebRole.Editor),
        ["MetricsClient.DeleteAlertRuleAsync"] = ("DELETE /api/v1/alert-rules/7", WebRole.Editor),
        ["MetricsClient.AlertsAsync"] = ("GET /api/v1/alerts", SignedIn),
        ["MetricsClient.DigestsAsync"] = ("GET /api/v1/digests", SignedIn),
        ["MetricsClient.DigestAsync"] = ("GET /api/v1/digests/bot", SignedIn),
        ["MetricsClient.OrganizationAsync"] = ("GET /api/v1/organization", SignedIn),
        ["MetricsClient.SetOrganizationCurrencyAsync"] = ("PUT /api/v1/organization", WebRole.Admin),
        ["MetricsClient.ModelPricesAsync"] = ("GET /api/v1/model-prices", SignedIn),
        ["MetricsClient.AddModelPriceAsync"] = ("POST /api/v1/model-prices", WebRole.Editor),
        ["MetricsClient.RecomputeAiCostAsync"] = ("POST /api/v1/model-prices/recompute", WebRole.Editor),
    };

    private static readonly Guid Key = new("6f1c2a4e-9b1d-4c1a-8e55-0d5b7d9a1c11");

    /// <summary>The callers: each role, and nobody signed in.</summary>
    public static TheoryData<string> Callers => new(WebRole.All.Append("anonymous"));

    /// <summary>Every public call of the three backend clients, as "Client.Method".</summary>
    private static IEnumerable<MethodInfo> Calls() =>
        new[] { typeof(IngestionClient), typeof(ExperimentsClient), typeof(MetricsClient) }
            .SelectMany(client => client.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly));

    [Fact]
    public void Every_call_the_web_makes_has_an_entry()
    {
        var calls = Calls().Select(call => $"{call.DeclaringType!.Name}.{call.Name}").Order().ToList();
        Assert.Equal(Matrix.Keys.Order(), calls);
    }

    [Theory]
    [MemberData(nameof(Callers))]
    public async Task Each_call_is_sent_for_a_caller_allowed_it_and_refused_before_sending_for_any_other(string caller)
    {
        var user = caller == "anonymous" ? TestAccounts.Anonymous : TestAccounts.SignedIn(caller);
        foreach (var call in Calls())
        {
            var (expected, least) = Matrix[$"{call.DeclaringType!.Name}.{call.Name}"];
            if (caller == "anonymous" && least == SignedIn)
            {
                continue;
            }
            var backend = new FakeBackend();
            var client = Activator.CreateInstance(call.DeclaringType, backend.Client(), TestAccounts.Gate(user))!;

            var answer = await InvokeAsync(call, client);

            var allowed = caller != "anonymous" && (least == SignedIn || WebRole.All.TakeWhile(role => role != least).Append(least).Contains(caller));
            var name = $"{caller}: {call.DeclaringType.Name}.{call.Name}";
            if (allowed)
            {
                Assert.True(backend.Requests.Count == 1, $"{name} sent {backend.Requests.Count} requests; answered {answer?.Status} {answer?.Message}");
                var sent = backend.Requests[0].Request;
                Assert.True(sent.Split('?')[0] == expected, $"{name} sent {sent}, expected {expected}");
            }
            else
            {
                Assert.True(backend.Requests.Count == 0, $"{name} was sent: {string.Join(", ", backend.Requests.Select(request => request.Request))}");
                Assert.True(answer?.Status == 403, $"{name} was answered {answer?.Status}, expected 403");
            }
        }
    }

    /// <summary>Calls <paramref name="call"/> with plain arguments; answers the refusal, if any.</summary>
    private static async Task<BackendProblem?> InvokeAsync(MethodInfo call, object client)
    {
        var arguments = call.GetParameters().Select(parameter => Argument(parameter.ParameterType)).ToArray();
        var task = (Task)call.Invoke(client, arguments)!;
        await task;
        var answer = task.GetType().GetProperty("Result")!.GetValue(task)!;
        return (BackendProblem?)answer.GetType().GetProperty("Problem")!.GetValue(answer);
    }

    private static object? Argument(Type type) =>
        type == typeof(string) ? "bot"
        : type == typeof(Guid) ? Key
        : type == typeof(int) ? 30
        : type == typeof(long) ? 7L
        : type == typeof(bool) ? false
        : type == typeof(DateOnly) ? new DateOnly(2026, 10, 1)
        : type == typeof(CancellationToken) ? CancellationToken.None
        : type.IsEnum ? Enum.GetValues(type).GetValue(0)
        : type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>) ? Array.CreateInstance(type.GetGenericArguments()[0], 0)
        : Nullable.GetUnderlyingType(type) is not null ? null
        : JsonSerializer.Deserialize("""{"id":"bot","name":"Bot","category":"customer-service","revision":1}""", type, WireJson.Client);
}
