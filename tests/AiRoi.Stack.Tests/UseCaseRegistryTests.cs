using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Aspire.Hosting.Testing;

namespace AiRoi.Stack.Tests;

/// <summary>
/// The use-case registry of the running metrics service, called as a client would, against the real PostgreSQL.
/// Every test registers its own use case under a fresh id.
/// </summary>
[Collection(StackCollection.Name)]
public sealed class UseCaseRegistryTests(StackFixture stack)
{
    private const string Problems = "https://airoi.dev/problems/";

    [Fact]
    public async Task A_use_case_goes_through_create_read_update_archive_and_unarchive()
    {
        var id = NewId();

        var created = await SendAsync(HttpMethod.Post, "/api/v1/use-cases", Valid(id));
        Assert.Equal(HttpStatusCode.Created, created.Status);
        Assert.Equal($"/api/v1/use-cases/{id}", created.Location);
        Assert.Equal("\"1\"", created.ETag);
        Assert.Equal(id, Text(created, "id"));
        Assert.Equal("customer-service", Text(created, "category"));
        Assert.Equal("at-least", created.Body["targets"]![0]!["direction"]!.GetValue<string>());
        Assert.Equal(42.5m, created.Body["unitEconomics"]!["loadedHumanCostPerHour"]!.GetValue<decimal>());
        Assert.Equal(1, Revision(created));
        Assert.False(created.Body["archived"]!.GetValue<bool>());
        var createdAt = created.Body["createdAt"]!.GetValue<DateTimeOffset>();

        var read = await SendAsync(HttpMethod.Get, $"/api/v1/use-cases/{id}");
        Assert.Equal(HttpStatusCode.OK, read.Status);
        Assert.Equal("\"1\"", read.ETag);
        Assert.True(JsonNode.DeepEquals(created.Body, read.Body), $"{created.Body} ≠ {read.Body}");

        Assert.Contains(id, await ListAsync(""));
        Assert.Contains(id, await ListAsync("?category=customer-service"));
        Assert.DoesNotContain(id, await ListAsync("?category=sales"));

        var renamed = Valid(id);
        renamed["name"] = "EMEA support chatbot – tier 2 (客服)";
        var updated = await SendAsync(HttpMethod.Put, $"/api/v1/use-cases/{id}", renamed);
        Assert.Equal(HttpStatusCode.OK, updated.Status);
        Assert.Equal("\"2\"", updated.ETag);
        Assert.Equal(2, Revision(updated));
        Assert.Equal("EMEA support chatbot – tier 2 (客服)", Text(updated, "name"));
        Assert.Equal(createdAt, updated.Body["createdAt"]!.GetValue<DateTimeOffset>());
        Assert.True(updated.Body["updatedAt"]!.GetValue<DateTimeOffset>() >= createdAt);

        var archived = await SendAsync(HttpMethod.Post, $"/api/v1/use-cases/{id}/archive");
        Assert.Equal(HttpStatusCode.OK, archived.Status);
        Assert.True(archived.Body["archived"]!.GetValue<bool>());
        Assert.Equal(3, Revision(archived));
        Assert.Equal("EMEA support chatbot – tier 2 (客服)", Text(archived, "name"));
        Assert.DoesNotContain(id, await ListAsync(""));
        Assert.Contains(id, await ListAsync("?includeArchived=true"));
        Assert.Contains(id, await ListAsync("?includeArchived=true&category=customer-service"));

        // Archiving twice changes nothing, so the revision stays.
        Assert.Equal(3, Revision(await SendAsync(HttpMethod.Post, $"/api/v1/use-cases/{id}/archive")));

        var unarchived = await SendAsync(HttpMethod.Post, $"/api/v1/use-cases/{id}/unarchive");
        Assert.Equal(HttpStatusCode.OK, unarchived.Status);
        Assert.False(unarchived.Body["archived"]!.GetValue<bool>());
        Assert.Equal(4, Revision(unarchived));
        Assert.Contains(id, await ListAsync(""));
    }

    [Fact]
    public async Task Targets_and_custom_metrics_are_replaced_as_lists_under_the_same_rules()
    {
        var id = NewId();
        await CreateAsync(id);

        var metrics = await SendAsync(HttpMethod.Put, $"/api/v1/use-cases/{id}/custom-metrics", new JsonObject
        {
            ["customMetrics"] = new JsonArray(new JsonObject
            {
                ["name"] = "handleScore",
                ["displayName"] = "Handle score",
                ["unit"] = "score",
                ["aggregation"] = "mean",
                ["goodDirection"] = "higher",
                ["kind"] = "value",
                ["role"] = "output",
            }),
        });
        Assert.Equal(HttpStatusCode.OK, metrics.Status);
        Assert.Equal(2, Revision(metrics));
        Assert.Equal("handleScore", metrics.Body["customMetrics"]![0]!["name"]!.GetValue<string>());

        var targets = await SendAsync(HttpMethod.Put, $"/api/v1/use-cases/{id}/targets", JsonNode.Parse(
            """{"targets": [{"metricKey": "handleScore", "direction": "at-least", "value": 7.5, "dueDate": "2026-06-30"}]}""")!.AsObject());
        Assert.Equal(HttpStatusCode.OK, targets.Status);
        Assert.Equal(3, Revision(targets));
        Assert.Equal("handleScore", targets.Body["targets"]![0]!["metricKey"]!.GetValue<string>());

        // Dropping the custom metric would leave the target naming an unknown metric: refused, nothing written.
        var dropped = await SendAsync(HttpMethod.Put, $"/api/v1/use-cases/{id}/custom-metrics", new JsonObject { ["customMetrics"] = new JsonArray() });
        AssertValidationProblem(dropped, "targets[0].metricKey", "unknown-metric");
        var unknownDirection = await SendAsync(HttpMethod.Put, $"/api/v1/use-cases/{id}/targets", JsonNode.Parse(
            """{"targets": [{"metricKey": "fcrRate", "direction": "up", "value": 0.7, "dueDate": "2026-06-30"}]}""")!.AsObject());
        AssertProblem(unknownDirection, HttpStatusCode.BadRequest, "unknown-value", "targets[0].direction");
        Assert.Contains("at-least, at-most", Text(unknownDirection, "detail"));
        Assert.Equal(3, Revision(await SendAsync(HttpMethod.Get, $"/api/v1/use-cases/{id}")));
    }

    [Fact]
    public async Task Creating_an_id_that_exists_is_a_409_and_leaves_the_first_alone()
    {
        var id = NewId();
        await CreateAsync(id);
        var second = Valid(id);
        second["name"] = "Someone else's use case";

        var conflict = await SendAsync(HttpMethod.Post, "/api/v1/use-cases", second);

        AssertProblem(conflict, HttpStatusCode.Conflict, "use-cases/already-exists", "id");
        var read = await SendAsync(HttpMethod.Get, $"/api/v1/use-cases/{id}");
        Assert.Equal("EMEA support chatbot", Text(read, "name"));
        Assert.Equal(1, Revision(read));
    }

    [Fact]
    public async Task An_unknown_use_case_is_a_404_on_every_route()
    {
        var id = NewId();

        AssertProblem(await SendAsync(HttpMethod.Get, $"/api/v1/use-cases/{id}"), HttpStatusCode.NotFound, "use-cases/not-found", "id");
        AssertProblem(await SendAsync(HttpMethod.Put, $"/api/v1/use-cases/{id}", Valid(id)), HttpStatusCode.NotFound, "use-cases/not-found", "id");
        AssertProblem(await SendAsync(HttpMethod.Post, $"/api/v1/use-cases/{id}/archive"), HttpStatusCode.NotFound, "use-cases/not-found", "id");
        AssertProblem(await SendAsync(HttpMethod.Post, $"/api/v1/use-cases/{id}/unarchive"), HttpStatusCode.NotFound, "use-cases/not-found", "id");
        Assert.DoesNotContain(id, await ListAsync("?includeArchived=true"));
    }

    [Theory]
    [InlineData("""{"id": "EMEA Support Bot"}""", "id", "invalid-format")]
    [InlineData("""{"name": null}""", "name", "required")]
    [InlineData("""{"businessOwner": {"name": "Ana Ruiz", "email": "ana.example.com"}}""", "businessOwner.email", "invalid-format")]
    [InlineData("""{"unitEconomics": {"loadedHumanCostPerHour": -1, "valuePerConversion": 0, "fixedMonthlyCosts": []}}""", "unitEconomics.loadedHumanCostPerHour", "negative")]
    [InlineData("""{"unitEconomics": {"loadedHumanCostPerHour": 40, "valuePerConversion": 0, "fixedMonthlyCosts": [{"name": "Licence", "amount": -5}]}}""", "unitEconomics.fixedMonthlyCosts[0].amount", "negative")]
    [InlineData("""{"primaryMetric": "happiness"}""", "primaryMetric", "unknown-metric")]
    [InlineData("""{"guardrailMetrics": ["fcrRate"]}""", "guardrailMetrics[0]", "inconsistent")]
    [InlineData("""{"targets": [{"metricKey": "fcrRate", "direction": "at-least", "value": 0.7, "dueDate": "2024-01-01"}]}""", "targets[0].dueDate", "inconsistent")]
    public async Task A_definition_that_breaks_a_rule_is_a_validation_problem_naming_the_field(string change, string field, string code)
    {
        var id = NewId();
        var body = Valid(id);
        foreach (var (name, value) in JsonNode.Parse(change)!.AsObject())
        {
            body[name] = value?.DeepClone();
        }

        var refused = await SendAsync(HttpMethod.Post, "/api/v1/use-cases", body);

        AssertValidationProblem(refused, field, code);
        AssertProblem(await SendAsync(HttpMethod.Get, $"/api/v1/use-cases/{id}"), HttpStatusCode.NotFound, "use-cases/not-found", "id");
    }

    [Fact]
    public async Task Every_broken_rule_is_named_in_one_answer()
    {
        var body = Valid(NewId());
        body["id"] = "Bad Slug";
        body["businessOwner"]!["email"] = "nobody";
        body["unitEconomics"]!["loadedHumanCostPerHour"] = -3;
        body["guardrailMetrics"] = new JsonArray("fcrRate");

        var refused = await SendAsync(HttpMethod.Post, "/api/v1/use-cases", body);

        AssertValidationProblem(refused, "id", "invalid-format");
        Assert.Equal("id", Text(refused, "field"));
        Assert.Equal(
            ["businessOwner.email", "guardrailMetrics[0]", "id", "unitEconomics.loadedHumanCostPerHour"],
            refused.Body["codes"]!.AsObject().Select(pair => pair.Key).Order(StringComparer.Ordinal));
        Assert.Equal(
            refused.Body["codes"]!.AsObject().Select(pair => pair.Key).Order(StringComparer.Ordinal),
            refused.Body["errors"]!.AsObject().Select(pair => pair.Key).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("""{"id": "uc", "businessOwner": {"name": "Ana",, }}""", "malformed-json", "businessOwner")]
    [InlineData("""{"id": "uc", "owner": "Ana"}""", "unknown-field", "owner")]
    [InlineData("""{"id": "uc", "businessOwner": {"name": "Ana", "phone": "+34 600"}}""", "unknown-field", "businessOwner.phone")]
    [InlineData("""{"id": "uc", "revision": 3}""", "unknown-field", "revision")]
    [InlineData("""{"id": "uc", "category": "support"}""", "unknown-value", "category")]
    [InlineData("""{"id": "uc", "category": 1}""", "unknown-value", "category")]
    [InlineData("""{"id": "uc", "reviewCadenceDays": "30"}""", "invalid-value", "reviewCadenceDays")]
    [InlineData("""{"id": "uc", "aiGoLiveDate": "01/03/2025"}""", "invalid-value", "aiGoLiveDate")]
    public async Task A_body_that_does_not_fit_is_a_problem_naming_the_json_path(string json, string slug, string field)
    {
        var id = NewId();

        var refused = await SendAsync(HttpMethod.Post, "/api/v1/use-cases", json.Replace("\"uc\"", $"\"{id}\"", StringComparison.Ordinal));

        AssertProblem(refused, HttpStatusCode.BadRequest, slug, field);
        AssertProblem(await SendAsync(HttpMethod.Get, $"/api/v1/use-cases/{id}"), HttpStatusCode.NotFound, "use-cases/not-found", "id");
    }

    [Fact]
    public async Task If_match_refuses_a_write_based_on_an_old_revision()
    {
        var id = NewId();
        await CreateAsync(id);
        var renamed = Valid(id);
        renamed["name"] = "Renamed";

        AssertProblem(await SendAsync(HttpMethod.Put, $"/api/v1/use-cases/{id}", renamed, ifMatch: "\"7\""), HttpStatusCode.PreconditionFailed, "use-cases/revision-mismatch", "If-Match");
        Assert.Equal(1, Revision(await SendAsync(HttpMethod.Get, $"/api/v1/use-cases/{id}")));

        var matched = await SendAsync(HttpMethod.Put, $"/api/v1/use-cases/{id}", renamed, ifMatch: "\"1\"");
        Assert.Equal(HttpStatusCode.OK, matched.Status);
        Assert.Equal(2, Revision(matched));

        // A second writer who also read revision 1 would overwrite the first change: refused.
        AssertProblem(await SendAsync(HttpMethod.Put, $"/api/v1/use-cases/{id}", Valid(id), ifMatch: "\"1\""), HttpStatusCode.PreconditionFailed, "use-cases/revision-mismatch", "If-Match");
        AssertProblem(await SendAsync(HttpMethod.Post, $"/api/v1/use-cases/{id}/archive", ifMatch: "\"1\""), HttpStatusCode.PreconditionFailed, "use-cases/revision-mismatch", "If-Match");
        AssertProblem(await SendAsync(HttpMethod.Put, $"/api/v1/use-cases/{id}", Valid(id), ifMatch: "2"), HttpStatusCode.BadRequest, "use-cases/invalid-if-match", "If-Match");

        var read = await SendAsync(HttpMethod.Get, $"/api/v1/use-cases/{id}");
        Assert.Equal(2, Revision(read));
        Assert.Equal("Renamed", Text(read, "name"));
        Assert.False(read.Body["archived"]!.GetValue<bool>());
    }

    [Fact]
    public async Task A_refused_update_writes_nothing()
    {
        var id = NewId();
        await CreateAsync(id);

        var invalid = Valid(id);
        invalid["name"] = "Half-applied name";
        invalid["unitEconomics"]!["loadedHumanCostPerHour"] = -10;
        AssertValidationProblem(await SendAsync(HttpMethod.Put, $"/api/v1/use-cases/{id}", invalid), "unitEconomics.loadedHumanCostPerHour", "negative");

        var otherId = Valid(id);
        otherId["id"] = NewId();
        otherId["name"] = "Moved";
        AssertValidationProblem(await SendAsync(HttpMethod.Put, $"/api/v1/use-cases/{id}", otherId), "id", "inconsistent");

        AssertProblem(await SendAsync(HttpMethod.Put, $"/api/v1/use-cases/{id}", """{"name": "Typo", "nmae": "x"}"""), HttpStatusCode.BadRequest, "unknown-field", "nmae");

        var read = await SendAsync(HttpMethod.Get, $"/api/v1/use-cases/{id}");
        Assert.Equal(1, Revision(read));
        Assert.Equal("\"1\"", read.ETag);
        Assert.Equal("EMEA support chatbot", Text(read, "name"));
        Assert.Equal(42.5m, read.Body["unitEconomics"]!["loadedHumanCostPerHour"]!.GetValue<decimal>());
    }

    [Fact]
    public async Task The_use_case_grain_learns_of_creation_archiving_and_unarchiving()
    {
        var id = NewId();

        // The first event activates the grain while the use case does not exist yet.
        Assert.Contains("unknown-use-case", await IngestRefusalAsync(id, "e1") ?? []);
        await CreateAsync(id);
        Assert.Null(await IngestRefusalAsync(id, "e2"));

        await SendAsync(HttpMethod.Post, $"/api/v1/use-cases/{id}/archive");
        Assert.Contains("archived-use-case", await IngestRefusalAsync(id, "e3") ?? []);

        await SendAsync(HttpMethod.Post, $"/api/v1/use-cases/{id}/unarchive");
        Assert.Null(await IngestRefusalAsync(id, "e4"));
    }

    [Fact]
    public async Task The_openapi_document_describes_every_registry_operation()
    {
        var document = await SendAsync(HttpMethod.Get, "/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, document.Status);
        var operations = document.Body["paths"]!.AsObject()
            .Where(path => path.Key.StartsWith("/api/v1/use-cases", StringComparison.Ordinal))
            .SelectMany(path => path.Value!.AsObject().Select(operation => operation.Value?["operationId"]?.GetValue<string>()))
            .ToHashSet();
        Assert.Superset(
            new HashSet<string?>
            {
                "CreateUseCase", "ListUseCases", "GetUseCase", "ReplaceUseCase", "ReplaceUseCaseTargets",
                "ReplaceUseCaseCustomMetrics", "ArchiveUseCase", "UnarchiveUseCase",
            },
            operations);
        Assert.NotNull(document.Body["components"]?["schemas"]?["UseCaseRequest"]);
        Assert.NotNull(document.Body["components"]?["schemas"]?["RegisteredUseCase"]);
    }

    [Theory]
    [InlineData("?category=support", "category", "unknown-value")]
    [InlineData("?includeArchived=yes", "includeArchived", "invalid-format")]
    public async Task A_list_filter_that_does_not_parse_is_a_validation_problem(string query, string field, string code) =>
        AssertValidationProblem(await SendAsync(HttpMethod.Get, "/api/v1/use-cases" + query), field, code);

    private static string NewId() => $"uc-{Guid.NewGuid():N}";

    /// <summary>A definition that keeps every rule.</summary>
    [Fact]
    public async Task Registry_writes_need_an_organization_wide_key_and_reads_need_a_key_that_covers_the_use_case()
    {
        var id = NewId();

        var anonymous = await SendAsync(HttpMethod.Post, "/api/v1/use-cases", Valid(id).ToJsonString(), apiKey: null);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.Status);
        Assert.Equal("https://airoi.dev/problems/api-key-required", anonymous.Body["type"]!.GetValue<string>());
        var unknownKey = await SendAsync(HttpMethod.Post, "/api/v1/use-cases", Valid(id).ToJsonString(), apiKey: "airoi_no-such-key");
        Assert.Equal(HttpStatusCode.Unauthorized, unknownKey.Status);

        // A key scoped to this very use case sends its events, but does not change the registry.
        using var ingestion = stack.App.CreateHttpClient("ingestion", "http");
        using var create = new HttpRequestMessage(HttpMethod.Post, "/api/v1/api-keys")
        {
            Content = new StringContent($$"""{"name":"deployment","useCaseIds":["{{id}}"]}""", Encoding.UTF8, "application/json"),
        };
        create.Headers.Add("X-Api-Key", "airoi-dev-key");
        using var created = await ingestion.SendAsync(create);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var scopedKey = JsonNode.Parse(await created.Content.ReadAsStringAsync())!["key"]!.GetValue<string>();
        var scoped = await SendAsync(HttpMethod.Post, "/api/v1/use-cases", Valid(id).ToJsonString(), apiKey: scopedKey);
        Assert.Equal(HttpStatusCode.Forbidden, scoped.Status);
        Assert.Equal("https://airoi.dev/problems/use-case-not-in-key-scope", scoped.Body["type"]!.GetValue<string>());

        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(HttpMethod.Get, $"/api/v1/use-cases/{id}", apiKey: null)).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(HttpMethod.Get, "/api/v1/use-cases", apiKey: null)).Status);
        // The scoped key reads its own use case (not registered yet: 404) but no other.
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(HttpMethod.Get, $"/api/v1/use-cases/{id}", apiKey: scopedKey)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(HttpMethod.Get, $"/api/v1/use-cases/{NewId()}", apiKey: scopedKey)).Status);
    }

    private static JsonObject Valid(string id) => JsonNode.Parse($$"""
        {
          "id": "{{id}}",
          "name": "EMEA support chatbot",
          "category": "customer-service",
          "businessOwner": {"name": "Ana Ruiz", "email": "ana.ruiz@example.com"},
          "aiGoLiveDate": "2025-03-01",
          "unitEconomics": {"loadedHumanCostPerHour": 42.5, "valuePerConversion": 0, "fixedMonthlyCosts": [{"name": "LLM platform licence", "amount": 1200}]},
          "primaryMetric": "fcrRate",
          "guardrailMetrics": ["csatMean"],
          "targets": [{"metricKey": "fcrRate", "direction": "at-least", "value": 0.7, "dueDate": "2025-12-31"}],
          "reviewCadenceDays": 30
        }
        """)!.AsObject();

    private async Task CreateAsync(string id)
    {
        var created = await SendAsync(HttpMethod.Post, "/api/v1/use-cases", Valid(id));
        Assert.True(created.Status == HttpStatusCode.Created, created.Body.ToJsonString());
    }

    private async Task<IReadOnlyList<string>> ListAsync(string query)
    {
        var list = await SendAsync(HttpMethod.Get, "/api/v1/use-cases" + query);
        Assert.Equal(HttpStatusCode.OK, list.Status);
        return list.Body.AsArray().Select(useCase => useCase!["id"]!.GetValue<string>()).ToList();
    }

    /// <summary>Sends one event through the ingestion API; null when it was taken, else the codes it was refused with.</summary>
    private async Task<IReadOnlyList<string>?> IngestRefusalAsync(string useCaseId, string eventId)
    {
        var completed = DateTimeOffset.UtcNow.AddHours(-1);
        var batch = new JsonObject
        {
            ["events"] = new JsonArray(new JsonObject
            {
                ["eventId"] = eventId,
                ["useCaseId"] = useCaseId,
                ["startedAt"] = completed.AddMinutes(-5).ToString("O"),
                ["completedAt"] = completed.ToString("O"),
                ["handler"] = "ai",
                ["resolved"] = true,
            }),
        };
        using var client = stack.App.CreateHttpClient("ingestion", "http");
        using var timeout = new CancellationTokenSource(StackFixture.CallTimeout);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/events")
        {
            Content = new StringContent(batch.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Api-Key", "airoi-dev-key");
        using var response = await client.SendAsync(request, timeout.Token);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(timeout.Token))!;
        if (response.StatusCode == HttpStatusCode.OK)
        {
            return null;
        }

        return body["codes"]?["events[0].useCaseId"]?.AsArray().Select(code => code!.GetValue<string>()).ToList()
            ?? throw new Xunit.Sdk.XunitException($"Ingestion answered {(int)response.StatusCode}: {body.ToJsonString()}");
    }

    private static void AssertProblem(Answer answer, HttpStatusCode status, string slug, string field)
    {
        Assert.True(answer.Status == status, $"Expected {(int)status}, got {(int)answer.Status}: {answer.Body.ToJsonString()}");
        Assert.Equal("application/problem+json", answer.ContentType);
        Assert.Equal(Problems + slug, Text(answer, "type"));
        Assert.Equal((int)status, answer.Body["status"]!.GetValue<int>());
        Assert.Equal(field, Text(answer, "field"));
        Assert.NotNull(answer.Body["errors"]?[field]);
        Assert.False(string.IsNullOrWhiteSpace(Text(answer, "title")));
        Assert.False(string.IsNullOrWhiteSpace(Text(answer, "detail")));
    }

    private static void AssertValidationProblem(Answer answer, string field, string code)
    {
        Assert.True(answer.Status == HttpStatusCode.BadRequest, $"Expected 400, got {(int)answer.Status}: {answer.Body.ToJsonString()}");
        Assert.Equal("application/problem+json", answer.ContentType);
        Assert.Equal(Problems + "validation-failed", Text(answer, "type"));
        Assert.Equal(400, answer.Body["status"]!.GetValue<int>());
        var codes = answer.Body["codes"]?[field]?.AsArray().Select(c => c!.GetValue<string>()).ToList()
            ?? throw new Xunit.Sdk.XunitException($"No codes for {field} in {answer.Body.ToJsonString()}");
        Assert.Contains(code, codes);
        var messages = answer.Body["errors"]?[field]?.AsArray() ?? throw new Xunit.Sdk.XunitException($"No errors for {field} in {answer.Body.ToJsonString()}");
        Assert.Equal(codes.Count, messages.Count);
        Assert.All(messages, message => Assert.Contains(field, message!.GetValue<string>(), StringComparison.Ordinal));
        Assert.False(string.IsNullOrWhiteSpace(Text(answer, "detail")));
    }

    private static string Text(Answer answer, string property) => answer.Body[property]!.GetValue<string>();

    private static int Revision(Answer answer) => answer.Body["revision"]!.GetValue<int>();

    private Task<Answer> SendAsync(HttpMethod method, string path, JsonObject body, string? ifMatch = null) =>
        SendAsync(method, path, body.ToJsonString(), ifMatch);

    private async Task<Answer> SendAsync(HttpMethod method, string path, string? json = null, string? ifMatch = null, string? apiKey = "airoi-dev-key")
    {
        using var client = stack.App.CreateHttpClient("metrics", "http");
        using var timeout = new CancellationTokenSource(StackFixture.CallTimeout);
        using var request = new HttpRequestMessage(method, path);
        if (apiKey is not null)
        {
            request.Headers.Add("X-Api-Key", apiKey);
        }
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        using var response = await client.SendAsync(request, timeout.Token);
        var text = await response.Content.ReadAsStringAsync(timeout.Token);
        var body = text.Length == 0 ? new JsonObject() : JsonNode.Parse(text)!;
        return new Answer(response.StatusCode, response.Content.Headers.ContentType?.MediaType, body, response.Headers.ETag?.ToString(), response.Headers.Location?.OriginalString);
    }

    private sealed record Answer(HttpStatusCode Status, string? ContentType, JsonNode Body, string? ETag, string? Location);
}
