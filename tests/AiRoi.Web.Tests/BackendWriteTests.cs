using System.Net;
using AiRoi.Domain.Annotations;
using AiRoi.Web.Accounts;
using AiRoi.Web.Backends;

namespace AiRoi.Web.Tests;

public sealed class BackendWriteTests
{
    private static readonly AnnotationRequest Annotation = new() { Date = new DateOnly(2026, 10, 1), Kind = AnnotationKind.PromptChange, Title = "Prompt v4" };

    [Fact]
    public async Task A_viewers_write_is_refused_by_the_web_and_never_reaches_the_backend()
    {
        var backend = new FakeBackend().Answer("/api/v1/use-cases/bot/annotations", "{}");
        var client = new MetricsClient(backend.Client(), TestAccounts.Gate(TestAccounts.SignedIn(WebRole.Viewer)));

        var answer = await client.AddAnnotationAsync("bot", Annotation, default);

        Assert.False(answer.Succeeded);
        Assert.Equal(403, answer.Problem!.Status);
        Assert.Contains("viewer", answer.Problem.Message, StringComparison.Ordinal);
        Assert.Empty(backend.Requests);
    }

    [Fact]
    public async Task Nobody_signed_in_cannot_write_either()
    {
        var backend = new FakeBackend();
        var client = new ExperimentsClient(backend.Client("experiments"), TestAccounts.Gate(TestAccounts.Anonymous));

        var answer = await client.StartAsync("exp-1", default);

        Assert.Equal(403, answer.Problem!.Status);
        Assert.Empty(backend.Requests);
    }

    [Theory]
    [InlineData(WebRole.Editor)]
    [InlineData(WebRole.Admin)]
    public async Task An_editors_write_is_sent_as_the_backend_expects(string role)
    {
        var backend = new FakeBackend().Answer("/api/v1/use-cases/bot/annotations",
            """{"id":7,"date":"2026-10-01","kind":"prompt-change","title":"Prompt v4","createdBy":"web","createdAt":"2026-10-01T10:00:00Z"}""",
            HttpStatusCode.Created);
        var client = new MetricsClient(backend.Client(), TestAccounts.Gate(TestAccounts.SignedIn(role)));

        var answer = await client.AddAnnotationAsync("bot", Annotation, default);

        Assert.True(answer.Succeeded);
        Assert.Equal(7, answer.Value!.Id);
        var (request, body) = Assert.Single(backend.Requests);
        Assert.Equal("POST /api/v1/use-cases/bot/annotations", request);
        Assert.Equal("""{"date":"2026-10-01","kind":"prompt-change","title":"Prompt v4"}""", body);
    }

    [Fact]
    public async Task A_write_names_the_signed_in_person_so_the_backend_records_them_as_its_author()
    {
        var backend = new FakeBackend().Answer("/api/v1/use-cases/bot/annotations",
            """{"id":7,"date":"2026-10-01","kind":"prompt-change","title":"Prompt v4","createdBy":"ana via web","createdAt":"2026-10-01T10:00:00Z"}""",
            HttpStatusCode.Created);
        var ana = AccountPrincipal.Create(new WebAccount(Guid.NewGuid(), "ana.ruíz", "Ana Ruíz", WebRole.Editor, DateTimeOffset.UtcNow, null));
        var client = new MetricsClient(backend.Client(), TestAccounts.Gate(ana));

        await client.AddAnnotationAsync("bot", Annotation, default);
        await client.EventLogAsync("bot", default);

        Assert.Equal(Uri.EscapeDataString("ana.ruíz"), backend.Headers[0][BackendClient.ActingPersonHeader]);
        Assert.False(backend.Headers[1].ContainsKey(BackendClient.ActingPersonHeader));
    }

    [Fact]
    public async Task A_refusal_carries_the_servers_message_for_each_field()
    {
        var backend = new FakeBackend().Answer("/api/v1/use-cases/bot/annotations",
            """
            {"type":"https://airoi.dev/problems/validation-failed","title":"The request is not valid","status":400,
             "detail":"title is required. (1 more error in errors.)","field":"title",
             "errors":{"title":["title is required."],"note":["note must be at most 2000 characters."]},
             "codes":{"title":["required"],"note":["too-long"]}}
            """, HttpStatusCode.BadRequest);
        var client = new MetricsClient(backend.Client(), TestAccounts.Gate(TestAccounts.SignedIn(WebRole.Editor)));

        var answer = await client.AddAnnotationAsync("bot", Annotation with { Title = "" }, default);

        Assert.Equal(400, answer.Problem!.Status);
        Assert.Equal(["title is required."], answer.Problem.For("title"));
        Assert.Equal(["note must be at most 2000 characters."], answer.Problem.For("Note"));
        Assert.Empty(answer.Problem.For("date"));
    }

    [Fact]
    public async Task A_backend_that_does_not_answer_is_a_problem_not_an_exception()
    {
        var client = new MetricsClient(new HttpClient(new Unreachable()) { BaseAddress = new Uri("http://metrics") },
            TestAccounts.Gate(TestAccounts.SignedIn(WebRole.Viewer)));

        var answer = await client.PortfolioAsync(new PortfolioQuery(), default);

        Assert.Equal(503, answer.Problem!.Status);
        Assert.Contains("metrics", answer.Problem.Title, StringComparison.Ordinal);
    }

    private sealed class Unreachable : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            throw new HttpRequestException("Connection refused");
    }
}
