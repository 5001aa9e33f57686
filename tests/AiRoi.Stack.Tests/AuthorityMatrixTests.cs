using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Aspire.Hosting.Testing;

namespace AiRoi.Stack.Tests;

/// <summary>
/// Every operation of the three OpenAPI documents against every kind of caller: no key, a key no service issued, a
/// read-only key, and a key scoped to another use case. Each operation has one entry in <see cref="Matrix"/>; an
/// operation without an entry (a new endpoint) fails the test, so no endpoint is added without deciding who may call it.
/// Writes are only ever sent with keys that must be refused, so the test changes nothing.
/// </summary>
[Collection(StackCollection.Name)]
public sealed class AuthorityMatrixTests(StackFixture stack)
{
    /// <summary>Who may call an operation.</summary>
    public enum Access
    {
        /// <summary>Anyone, without a key (rate limited): pure computation on what is posted.</summary>
        Open,

        /// <summary>Any valid key, whatever its scope (status, the key's own description).</summary>
        AnyKey,

        /// <summary>A read of one use case (or its experiment): keys that cover it, read-only ones included.</summary>
        ReadUseCase,

        /// <summary>A list: any key, each seeing the use cases it covers.</summary>
        ReadList,

        /// <summary>A write of one use case's events: writing keys that cover it.</summary>
        WriteUseCase,

        /// <summary>Trace spans: writing keys; a span of a use case the key does not cover is refused on its own (partial success).</summary>
        WriteSpans,

        /// <summary>A change of the registry, an experiment, a baseline, annotation or review: organization-wide writing keys.</summary>
        WriteOrganization,

        /// <summary>Across the organization (keys, dead letters, the silo's memory): organization-wide admin keys.</summary>
        Admin,
    }

    /// <summary>Every operation of every API, by <c>service METHOD path</c>.</summary>
    public static readonly IReadOnlyDictionary<string, Access> Matrix = new Dictionary<string, Access>
    {
        ["ingestion GET /api/v1/status"] = Access.AnyKey,
        ["ingestion POST /api/v1/events"] = Access.WriteUseCase,
        ["ingestion POST /api/v1/use-cases/{useCaseId}/events/import"] = Access.WriteUseCase,
        ["ingestion GET /api/v1/rejections"] = Access.ReadList,
        ["ingestion POST /api/v1/api-keys"] = Access.Admin,
        ["ingestion GET /api/v1/api-keys"] = Access.Admin,
        ["ingestion GET /api/v1/api-keys/current"] = Access.AnyKey,
        ["ingestion POST /api/v1/api-keys/{id}/revoke"] = Access.Admin,
        ["ingestion POST /v1/traces"] = Access.WriteSpans,

        ["metrics GET /api/v1/status"] = Access.AnyKey,
        ["metrics GET /api/v1/status/memory"] = Access.Admin,
        ["metrics GET /api/v1/status/placement/{useCaseId}"] = Access.Admin,
        ["metrics GET /api/v1/organization"] = Access.AnyKey,
        ["metrics GET /api/v1/alert-rules"] = Access.ReadList,
        ["metrics POST /api/v1/alert-rules"] = Access.WriteOrganization,
        ["metrics DELETE /api/v1/alert-rules/{ruleId}"] = Access.WriteOrganization,
        ["metrics GET /api/v1/alerts"] = Access.ReadList,
        ["metrics GET /api/v1/digests"] = Access.ReadList,
        ["metrics GET /api/v1/digests/{ownerEmail}"] = Access.ReadList,
        ["metrics PUT /api/v1/organization"] = Access.Admin,
        ["metrics POST /api/v1/use-cases"] = Access.WriteOrganization,
        ["metrics GET /api/v1/use-cases"] = Access.ReadList,
        ["metrics GET /api/v1/use-cases/{id}"] = Access.ReadUseCase,
        ["metrics PUT /api/v1/use-cases/{id}"] = Access.WriteOrganization,
        ["metrics PUT /api/v1/use-cases/{id}/targets"] = Access.WriteOrganization,
        ["metrics PUT /api/v1/use-cases/{id}/custom-metrics"] = Access.WriteOrganization,
        ["metrics POST /api/v1/use-cases/{id}/archive"] = Access.WriteOrganization,
        ["metrics POST /api/v1/use-cases/{id}/unarchive"] = Access.WriteOrganization,
        ["metrics GET /api/v1/use-cases/{id}/event-log"] = Access.ReadUseCase,
        ["metrics GET /api/v1/use-cases/{id}/metrics"] = Access.ReadUseCase,
        ["metrics GET /api/v1/use-cases/{id}/metrics/{metric}"] = Access.ReadUseCase,
        ["metrics GET /api/v1/use-cases/{id}/comparison"] = Access.ReadUseCase,
        ["metrics GET /api/v1/use-cases/{id}/escalation-reasons"] = Access.ReadUseCase,
        ["metrics GET /api/v1/use-cases/{id}/exception-types"] = Access.ReadUseCase,
        ["metrics GET /api/v1/use-cases/{id}/roi"] = Access.ReadUseCase,
        ["metrics GET /api/v1/use-cases/{id}/attribution"] = Access.ReadUseCase,
        ["metrics GET /api/v1/use-cases/{id}/health"] = Access.ReadUseCase,
        ["metrics GET /api/v1/use-cases/{id}/baselines"] = Access.ReadUseCase,
        ["metrics GET /api/v1/use-cases/{id}/baselines/{metric}"] = Access.ReadUseCase,
        ["metrics POST /api/v1/use-cases/{id}/baselines"] = Access.WriteOrganization,
        ["metrics GET /api/v1/use-cases/{id}/annotations"] = Access.ReadUseCase,
        ["metrics POST /api/v1/use-cases/{id}/annotations"] = Access.WriteOrganization,
        ["metrics DELETE /api/v1/use-cases/{id}/annotations/{annotationId}"] = Access.WriteOrganization,
        ["metrics GET /api/v1/use-cases/{id}/reviews"] = Access.ReadUseCase,
        ["metrics POST /api/v1/use-cases/{id}/reviews"] = Access.WriteOrganization,
        ["metrics GET /api/v1/portfolio"] = Access.ReadList,
        ["metrics GET /api/v1/portfolio/over-time"] = Access.ReadList,
        ["metrics GET /api/v1/model-prices"] = Access.AnyKey,
        ["metrics POST /api/v1/model-prices"] = Access.WriteOrganization,
        ["metrics POST /api/v1/model-prices/recompute"] = Access.WriteOrganization,

        ["experiments GET /api/v1/status"] = Access.AnyKey,
        ["experiments POST /api/v1/analysis"] = Access.Open,
        ["experiments POST /api/v1/analysis/adjust"] = Access.Open,
        ["experiments POST /api/v1/experiments"] = Access.WriteOrganization,
        ["experiments GET /api/v1/experiments"] = Access.ReadList,
        ["experiments GET /api/v1/experiments/{id}"] = Access.ReadUseCase,
        ["experiments PUT /api/v1/experiments/{id}"] = Access.WriteOrganization,
        ["experiments POST /api/v1/experiments/{id}/start"] = Access.WriteOrganization,
        ["experiments POST /api/v1/experiments/{id}/stop"] = Access.WriteOrganization,
        ["experiments POST /api/v1/experiments/{id}/conclude"] = Access.WriteOrganization,
        ["experiments GET /api/v1/experiments/{id}/assignment"] = Access.ReadUseCase,
        ["experiments GET /api/v1/experiments/{id}/results"] = Access.ReadUseCase,
        ["experiments GET /api/v1/experiments/running"] = Access.ReadList,
        ["experiments GET /api/v1/dead-letters"] = Access.Admin,
        ["experiments POST /api/v1/dead-letters/replay"] = Access.Admin,
    };

    [Fact]
    public async Task Every_operation_answers_each_kind_of_caller_as_its_entry_says()
    {
        var fixture = await SetUpAsync();
        var operations = await StackHttp.OperationsAsync(stack);

        var listed = operations.Select(operation => $"{operation.Service} {operation.Method} {operation.Path}").ToHashSet();
        Assert.Empty(listed.Except(Matrix.Keys).Select(missing => $"no entry for {missing}"));
        Assert.Empty(Matrix.Keys.Except(listed).Select(gone => $"entry for an operation no document lists: {gone}"));

        var failures = new List<string>();
        foreach (var (service, method, template) in operations)
        {
            var access = Matrix[$"{service} {method} {template}"];
            var path = Fill(template, fixture);
            foreach (var (caller, key) in new[] { ("no key", (string?)null), ("unknown key", "airoi-unknown-key-0000000000"), ("read-only key", fixture.ReadOnlyKey), ("key scoped elsewhere", fixture.ScopedElsewhereKey) })
            {
                var answer = await SendAsync(service, method, path, key, fixture);
                var expected = Expected(access, method, caller);
                if (!expected.Contains(answer.Status))
                {
                    failures.Add($"{service} {method} {path} with {caller}: {(int)answer.Status}, expected {string.Join(" or ", expected.Select(status => (int)status))}");
                }
                else if ((int)answer.Status >= 400 && answer.Node?["type"] is null)
                {
                    failures.Add($"{service} {method} {path} with {caller}: {(int)answer.Status} without problem details");
                }
                else if (access == Access.ReadList && caller == "key scoped elsewhere" && answer.Node?.ToJsonString().Contains(fixture.UseCaseId, StringComparison.Ordinal) == true)
                {
                    failures.Add($"{service} {method} {path} with {caller}: lists {fixture.UseCaseId}, which the key does not cover");
                }
            }
        }
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public async Task A_read_only_key_reads_everything_its_scope_covers_and_writes_nothing()
    {
        var fixture = await SetUpAsync();

        var useCase = await StackHttp.SendAsync(stack, "metrics", HttpMethod.Get, $"/api/v1/use-cases/{fixture.UseCaseId}", key: fixture.ReadOnlyKey);
        var portfolio = await PortfolioAsync(fixture.ReadOnlyKey);
        var write = await StackHttp.SendAsync(stack, "metrics", HttpMethod.Post, $"/api/v1/use-cases/{fixture.UseCaseId}/annotations",
            new JsonObject { ["date"] = "2026-11-01", ["kind"] = "other", ["title"] = "from a read-only key" }, key: fixture.ReadOnlyKey);
        var annotations = await StackHttp.SendAsync(stack, "metrics", HttpMethod.Get, $"/api/v1/use-cases/{fixture.UseCaseId}/annotations");

        Assert.Equal(HttpStatusCode.OK, useCase.Status);
        Assert.True(portfolio.Status == HttpStatusCode.OK, portfolio.Node?.ToJsonString());
        Assert.Contains(portfolio.Body["useCases"]!.AsArray(), row => row!["id"]!.GetValue<string>() == fixture.UseCaseId);
        Assert.Equal(HttpStatusCode.Forbidden, write.Status);
        Assert.Equal("https://airoi.dev/problems/read-only-key", write.Body["type"]!.GetValue<string>());
        Assert.Empty(annotations.Array);

        // Scoped to the use case, the key's portfolio is that use case alone, totals included.
        var scoped = await CreateKeyAsync(new JsonObject { ["name"] = "scoped reader", ["useCaseIds"] = new JsonArray(fixture.UseCaseId), ["readOnly"] = true });
        var own = await PortfolioAsync(scoped);
        Assert.True(own.Status == HttpStatusCode.OK, own.Node?.ToJsonString());
        Assert.Equal([fixture.UseCaseId], own.Body["useCases"]!.AsArray().Select(row => row!["id"]!.GetValue<string>()));
        var list = await StackHttp.SendAsync(stack, "metrics", HttpMethod.Get, "/api/v1/use-cases", key: scoped);
        Assert.Equal([fixture.UseCaseId], list.Array.Select(row => row!["id"]!.GetValue<string>()));

        var adminReadOnly = await StackHttp.SendAsync(stack, "ingestion", HttpMethod.Post, "/api/v1/api-keys",
            new JsonObject { ["name"] = "impossible", ["readOnly"] = true, ["admin"] = true });
        Assert.Equal(HttpStatusCode.BadRequest, adminReadOnly.Status);
        Assert.Equal("readOnly", adminReadOnly.Body["field"]!.GetValue<string>());
    }

    /// <summary>
    /// The portfolio as a client reads it: a 503 ("send the request again shortly") is sent again, for up to 30 s.
    /// The portfolio asks every use case's grain, and right after another test restarts the silo some may not answer yet.
    /// </summary>
    private async Task<StackAnswer> PortfolioAsync(string key)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            var answer = await StackHttp.SendAsync(stack, "metrics", HttpMethod.Get, "/api/v1/portfolio", key: key);
            if (answer.Status != HttpStatusCode.ServiceUnavailable || DateTime.UtcNow > deadline)
            {
                return answer;
            }
            await Task.Delay(TimeSpan.FromSeconds(1));
        }
    }

    private sealed record Fixture(string UseCaseId, string ExperimentId, string ReadOnlyKey, string ScopedElsewhereKey, string KeyId);

    private async Task<Fixture> SetUpAsync()
    {
        var id = $"authority-{Guid.NewGuid():N}"[..30];
        var created = await StackHttp.SendAsync(stack, "metrics", HttpMethod.Post, "/api/v1/use-cases", new JsonObject
        {
            ["id"] = id, ["name"] = "Authority matrix", ["category"] = "operations", ["aiGoLiveDate"] = "2026-09-07",
            ["unitEconomics"] = new JsonObject { ["loadedHumanCostPerHour"] = 60, ["valuePerConversion"] = 10, ["fixedMonthlyCosts"] = new JsonArray() },
            ["primaryMetric"] = "conversionRate",
        });
        Assert.True(created.Status == HttpStatusCode.Created, created.Node?.ToJsonString());
        var experiment = await StackHttp.SendAsync(stack, "experiments", HttpMethod.Post, "/api/v1/experiments", new JsonObject
        {
            ["useCaseId"] = id, ["name"] = "Prompt v5", ["hypothesis"] = "A shorter prompt converts more.",
            ["primaryMetric"] = "conversionRate",
            ["variants"] = new JsonArray(new JsonObject { ["name"] = "control", ["weight"] = 0.5 }, new JsonObject { ["name"] = "short", ["weight"] = 0.5 }),
        });
        Assert.True(experiment.Status == HttpStatusCode.Created, experiment.Node?.ToJsonString());
        var readOnly = await CreateKeyAsync(new JsonObject { ["name"] = "dashboard", ["readOnly"] = true });
        var elsewhere = await StackHttp.SendAsync(stack, "ingestion", HttpMethod.Post, "/api/v1/api-keys",
            new JsonObject { ["name"] = "elsewhere", ["useCaseIds"] = new JsonArray($"elsewhere-{Guid.NewGuid():N}"[..24]) });
        return new Fixture(id, experiment.Body["id"]!.GetValue<string>(), readOnly, elsewhere.Body["key"]!.GetValue<string>(),
            elsewhere.Body["apiKey"]!["id"]!.GetValue<string>());
    }

    private async Task<string> CreateKeyAsync(JsonObject request)
    {
        var created = await StackHttp.SendAsync(stack, "ingestion", HttpMethod.Post, "/api/v1/api-keys", request);
        Assert.True(created.Status == HttpStatusCode.Created, created.Node?.ToJsonString());
        return created.Body["key"]!.GetValue<string>();
    }

    /// <summary>The path with its parameters filled: the fixture's use case, experiment or key, a metric, an annotation.</summary>
    private static string Fill(string template, Fixture fixture)
    {
        var id = template.StartsWith("/api/v1/experiments", StringComparison.Ordinal) ? fixture.ExperimentId
            : template.StartsWith("/api/v1/api-keys", StringComparison.Ordinal) ? fixture.KeyId
            : fixture.UseCaseId;
        var path = template.Replace("{id}", id, StringComparison.Ordinal).Replace("{useCaseId}", fixture.UseCaseId, StringComparison.Ordinal)
            .Replace("{metric}", "costPerTask", StringComparison.Ordinal).Replace("{annotationId}", "1", StringComparison.Ordinal).Replace("{ruleId}", "1", StringComparison.Ordinal).Replace("{ownerEmail}", "authority-owner%40example.com", StringComparison.Ordinal);
        return path.EndsWith("/assignment", StringComparison.Ordinal) ? path + "?subjectId=customer-1" : path;
    }

    private async Task<StackAnswer> SendAsync(string service, string method, string path, string? key, Fixture fixture)
    {
        if (path.EndsWith("/events/import", StringComparison.Ordinal))
        {
            using var client = stack.App.CreateHttpClient(service, "http");
            using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent("eventId,completedAt\n", System.Text.Encoding.UTF8, "text/csv") };
            if (key is not null)
            {
                request.Headers.Add("X-Api-Key", key);
            }
            using var response = await client.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            return new StackAnswer(response.StatusCode, string.IsNullOrEmpty(text) ? null : JsonNode.Parse(text));
        }
        // Writes carry a body the API would take, so that only the key decides.
        JsonNode? body = method is "GET" or "DELETE" ? null : path switch
        {
            "/api/v1/events" => new JsonObject
            {
                ["events"] = new JsonArray(new JsonObject
                {
                    ["eventId"] = $"authority-{Guid.NewGuid():N}", ["useCaseId"] = fixture.UseCaseId, ["handler"] = "ai",
                    ["startedAt"] = "2026-11-02T10:00:00Z", ["completedAt"] = "2026-11-02T10:05:00Z",
                }),
            },
            "/v1/traces" => JsonNode.Parse($$$"""
                {"resourceSpans": [{"scopeSpans": [{"spans": [{"traceId": "{{{Guid.NewGuid():N}}}", "spanId": "00f067aa0ba902b7", "name": "chat",
                  "startTimeUnixNano": "{{{DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1_000_000}}}", "endTimeUnixNano": "{{{DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1_000_000}}}",
                  "attributes": [{"key": "gen_ai.request.model", "value": {"stringValue": "gpt-4o"}}, {"key": "gen_ai.usage.input_tokens", "value": {"intValue": "10"}},
                                 {"key": "airoi.use_case_id", "value": {"stringValue": "{{{fixture.UseCaseId}}}"}}, {"key": "airoi.event_id", "value": {"stringValue": "authority"}}]}]}]}]}
                """),
            "/api/v1/analysis/adjust" => new JsonObject { ["method"] = "holm", ["pValues"] = new JsonArray(0.01, 0.04) },
            "/api/v1/analysis" => JsonNode.Parse("""{"metricType": "proportion", "method": "frequentist", "variants": [{"name": "control", "n": 1000, "conversions": 100}, {"name": "b", "n": 1000, "conversions": 120}]}"""),
            _ => new JsonObject(),
        };
        return await StackHttp.SendAsync(stack, service, new HttpMethod(method), path, body, key);
    }

    /// <summary>The statuses an operation may answer a caller with.</summary>
    private static HttpStatusCode[] Expected(Access access, string method, string caller)
    {
        HttpStatusCode[] served = [HttpStatusCode.OK, HttpStatusCode.BadRequest, HttpStatusCode.NotFound];
        if (access == Access.Open)
        {
            return [HttpStatusCode.OK];
        }
        if (caller is "no key" or "unknown key")
        {
            return [HttpStatusCode.Unauthorized];
        }
        var write = method != "GET";
        return (access, caller) switch
        {
            (Access.AnyKey or Access.ReadList, _) => served,
            (Access.ReadUseCase, "read-only key") => served,
            (Access.ReadUseCase, _) => [HttpStatusCode.Forbidden],
            (Access.WriteSpans, "read-only key") => [HttpStatusCode.Forbidden],
            (Access.WriteSpans, _) => served,
            (Access.Admin, _) => [HttpStatusCode.Forbidden],
            (_, "read-only key") when write => [HttpStatusCode.Forbidden],
            (Access.WriteUseCase or Access.WriteOrganization, _) => [HttpStatusCode.Forbidden],
            _ => served,
        };
    }
}
