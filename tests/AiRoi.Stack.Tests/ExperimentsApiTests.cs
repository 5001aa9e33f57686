using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;

namespace AiRoi.Stack.Tests;

/// <summary>The experiments API over the whole stack: definitions checked against the real use case, the lifecycle in PostgreSQL, assignment.</summary>
[Collection(StackCollection.Name)]
public sealed class ExperimentsApiTests(StackFixture stack)
{
    private async Task<string> NewUseCaseAsync()
    {
        var id = $"exp-uc-{Guid.NewGuid():N}"[..24];
        await StackDatabase.RegisterUseCaseAsync(stack, id);
        return id;
    }

    private static JsonObject Definition(string useCaseId, double controlWeight = 0.5, JsonObject? slice = null)
    {
        var definition = new JsonObject
        {
            ["useCaseId"] = useCaseId,
            ["name"] = "Prompt v4 against v3",
            ["hypothesis"] = "Shorter answers resolve more tickets at first contact.",
            ["variants"] = new JsonArray(
                new JsonObject { ["name"] = "control", ["weight"] = controlWeight },
                new JsonObject { ["name"] = "prompt-v4", ["weight"] = 1 - controlWeight }),
            ["primaryMetric"] = "fcrRate",
            ["guardrailMetrics"] = new JsonArray("csatMean"),
            ["minimumDetectableEffect"] = 0.05,
        };
        if (slice is not null)
        {
            definition["namespace"] = slice;
        }
        return definition;
    }

    [Fact]
    public async Task An_experiment_is_created_as_a_draft_with_its_defaults()
    {
        var created = await SendAsync(HttpMethod.Post, "/api/v1/experiments", Definition(await NewUseCaseAsync()));

        Assert.Equal(HttpStatusCode.Created, created.Status);
        var id = created.Body["id"]!.GetValue<string>();
        Assert.Equal("draft", created.Body["status"]!.GetValue<string>());
        Assert.Equal(id, created.Body["definition"]!["seed"]!.GetValue<string>());
        Assert.Equal("sequential", created.Body["definition"]!["method"]!.GetValue<string>());
        var read = await SendAsync(HttpMethod.Get, $"/api/v1/experiments/{id}");
        Assert.Equal("Prompt v4 against v3", read.Body["definition"]!["name"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("weights", "variants", "inconsistent")]
    [InlineData("one-variant", "variants", "out-of-range")]
    [InlineData("unknown-use-case", "useCaseId", "unknown-value")]
    [InlineData("unknown-metric", "primaryMetric", "unknown-metric")]
    [InlineData("guardrail-is-primary", "guardrailMetrics[0]", "inconsistent")]
    public async Task A_bad_definition_is_a_problem_naming_the_field_and_stores_nothing(string fault, string field, string code)
    {
        var useCase = await NewUseCaseAsync();
        var definition = Definition(useCase);
        switch (fault)
        {
            case "weights": definition["variants"]![1]!["weight"] = 0.6; break;
            case "one-variant": definition["variants"] = new JsonArray(new JsonObject { ["name"] = "control", ["weight"] = 1 }); break;
            case "unknown-use-case": definition["useCaseId"] = "no-such-use-case"; break;
            case "unknown-metric": definition["primaryMetric"] = "happiness"; break;
            case "guardrail-is-primary": definition["guardrailMetrics"] = new JsonArray("fcrRate"); break;
        }

        var answer = await SendAsync(HttpMethod.Post, "/api/v1/experiments", definition);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Contains(code, answer.Body["codes"]![field]!.AsArray().Select(c => c!.GetValue<string>()));
        Assert.Equal(0, await StackDatabase.ScalarAsync(stack, "experimentsdb", "select count(*) from experiments.experiments where use_case_id = $1", useCase));
    }

    [Fact]
    public async Task The_lifecycle_moves_draft_running_stopped_concluded_and_refuses_the_rest_with_reasons()
    {
        var created = await SendAsync(HttpMethod.Post, "/api/v1/experiments", Definition(await NewUseCaseAsync()));
        var id = created.Body["id"]!.GetValue<string>();

        Assert.Equal("not-running", (await AssignAsync(id, "customer-1")).Body["reason"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Conflict, (await SendAsync(HttpMethod.Post, $"/api/v1/experiments/{id}/stop")).Status);
        Assert.Equal("running", (await SendAsync(HttpMethod.Post, $"/api/v1/experiments/{id}/start")).Body["status"]!.GetValue<string>());

        var change = await SendAsync(HttpMethod.Put, $"/api/v1/experiments/{id}", Definition(created.Body["definition"]!["useCaseId"]!.GetValue<string>(), 0.9));
        Assert.Equal(HttpStatusCode.Conflict, change.Status);
        Assert.Equal("https://airoi.dev/problems/experiments/not-draft", change.Body["type"]!.GetValue<string>());
        Assert.Contains("subjects already exposed", change.Body["detail"]!.GetValue<string>());

        Assert.Equal("stopped", (await SendAsync(HttpMethod.Post, $"/api/v1/experiments/{id}/stop")).Body["status"]!.GetValue<string>());
        Assert.Equal("not-running", (await AssignAsync(id, "customer-1")).Body["reason"]!.GetValue<string>());
        // With no result yet, shipping needs a stated reason; the reason and the concerns are kept with the decision.
        var unready = await SendAsync(HttpMethod.Post, $"/api/v1/experiments/{id}/conclude", new JsonObject { ["decision"] = "ship" });
        Assert.Equal(HttpStatusCode.BadRequest, unready.Status);
        Assert.Equal("note", unready.Body["field"]!.GetValue<string>());
        Assert.Contains("no result yet", unready.Body["detail"]!.GetValue<string>());
        var concluded = await SendAsync(HttpMethod.Post, $"/api/v1/experiments/{id}/conclude", new JsonObject { ["decision"] = "ship", ["note"] = "FCR up 6 points" });
        Assert.Equal("concluded", concluded.Body["status"]!.GetValue<string>());
        Assert.Equal("ship", concluded.Body["decisions"]![0]!["decision"]!.GetValue<string>());
        Assert.Equal("FCR up 6 points", concluded.Body["decisions"]![0]!["note"]!.GetValue<string>());
        Assert.Contains("no result yet", Assert.Single(concluded.Body["decisions"]![0]!["concerns"]!.AsArray())!.GetValue<string>());
        var again = await SendAsync(HttpMethod.Post, $"/api/v1/experiments/{id}/start");
        Assert.Equal(HttpStatusCode.Conflict, again.Status);
        Assert.Equal("concluded", again.Body["experimentStatus"]!.GetValue<string>());

        // The lifecycle lives in PostgreSQL: a restarted service answers the same.
        await StackProcesses.RestartAsync(stack, "experiments");
        Assert.Equal("concluded", (await SendAsync(HttpMethod.Get, $"/api/v1/experiments/{id}")).Body["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Assignment_is_sticky_and_true_to_the_weights_and_the_namespace()
    {
        var useCase = await NewUseCaseAsync();
        var weighted = (await SendAsync(HttpMethod.Post, "/api/v1/experiments", Definition(useCase, controlWeight: 0.2))).Body["id"]!.GetValue<string>();
        var sliced = (await SendAsync(HttpMethod.Post, "/api/v1/experiments",
            Definition(useCase, slice: new JsonObject { ["id"] = "support", ["start"] = 0.0, ["end"] = 0.5 }))).Body["id"]!.GetValue<string>();
        await SendAsync(HttpMethod.Post, $"/api/v1/experiments/{weighted}/start");
        await SendAsync(HttpMethod.Post, $"/api/v1/experiments/{sliced}/start");

        var subjects = Enumerable.Range(0, 1000).Select(i => $"customer-{i}").ToList();
        var variants = new List<string>();
        var outside = 0;
        foreach (var subject in subjects)
        {
            variants.Add((await AssignAsync(weighted, subject)).Body["variant"]!.GetValue<string>());
            if ((await AssignAsync(sliced, subject)).Body["reason"]?.GetValue<string>() == "outside-namespace")
            {
                outside++;
            }
        }

        // 20 % control: with 1,000 subjects the share lies within ±4 points (more than 3 standard errors of 1.3).
        Assert.InRange(variants.Count(v => v == "control"), 160, 240);
        Assert.InRange(outside, 440, 560);
        for (var i = 0; i < 50; i++)
        {
            Assert.Equal(variants[i], (await AssignAsync(weighted, subjects[i])).Body["variant"]!.GetValue<string>());
        }
        Assert.Equal(HttpStatusCode.BadRequest, (await SendAsync(HttpMethod.Get, $"/api/v1/experiments/{weighted}/assignment")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await AssignAsync("exp-missing", "customer-1")).Status);
    }

    [Fact]
    public async Task Writes_need_an_api_key()
    {
        var answer = await SendAsync(HttpMethod.Post, "/api/v1/experiments", Definition(await NewUseCaseAsync()), key: null);
        Assert.Equal(HttpStatusCode.Unauthorized, answer.Status);
    }

    private Task<StackAnswer> AssignAsync(string id, string subject) =>
        SendAsync(HttpMethod.Get, $"/api/v1/experiments/{id}/assignment?subjectId={Uri.EscapeDataString(subject)}");

    private Task<StackAnswer> SendAsync(HttpMethod method, string path, JsonNode? body = null, string? key = StackHttp.DevelopmentKey) =>
        StackHttp.SendAsync(stack, "experiments", method, path, body, key);
}
