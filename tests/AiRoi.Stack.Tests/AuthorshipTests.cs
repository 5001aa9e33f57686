using System.Net;
using System.Text.Json.Nodes;

namespace AiRoi.Stack.Tests;

/// <summary>
/// Who is recorded as the author of a change: the person a key that acts for people names (the web's key), or the
/// key; any other key that names a person is refused and writes nothing (ADR-0024).
/// </summary>
[Collection(StackCollection.Name)]
public sealed class AuthorshipTests(StackFixture stack)
{
    [Fact]
    public async Task A_key_that_acts_for_people_records_the_person_and_other_keys_may_not_name_one()
    {
        var useCase = $"author-{Guid.NewGuid():N}"[..24];
        await StackDatabase.RegisterUseCaseAsync(stack, useCase);

        Assert.Equal("development key", await AnnotateAsync(useCase, StackHttp.DevelopmentKey, null));
        Assert.Equal("Ana Ruíz via development key", await AnnotateAsync(useCase, StackHttp.DevelopmentKey, Uri.EscapeDataString("Ana Ruíz")));

        var web = await CreateKeyAsync("web frontend", actsForPeople: true);
        Assert.Equal("bo via web frontend", await AnnotateAsync(useCase, web, "bo"));
        var listed = await StackHttp.SendAsync(stack, "ingestion", HttpMethod.Get, "/api/v1/api-keys");
        Assert.True(listed.Array.Single(key => key!["name"]!.GetValue<string>() == "web frontend")!["actsForPeople"]!.GetValue<bool>());

        // Only an organization-wide admin key may make a key that acts for people.
        var scopedAdmin = await StackHttp.SendAsync(stack, "ingestion", HttpMethod.Post, "/api/v1/api-keys",
            new JsonObject { ["name"] = "team admin", ["useCaseIds"] = new JsonArray(useCase), ["admin"] = true });
        var byScopedAdmin = await StackHttp.SendAsync(stack, "ingestion", HttpMethod.Post, "/api/v1/api-keys",
            new JsonObject { ["name"] = "web", ["useCaseIds"] = new JsonArray(useCase), ["actsForPeople"] = true }, scopedAdmin.Body["key"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Forbidden, byScopedAdmin.Status);

        var before = await AnnotationCountAsync(useCase);
        var plain = await CreateKeyAsync("deployment", actsForPeople: false);
        var refused = await SendAnnotationAsync(useCase, plain, "mallory");
        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
        Assert.Equal("https://airoi.dev/problems/acting-person-not-allowed", refused.Body["type"]!.GetValue<string>());
        var garbled = await SendAnnotationAsync(useCase, web, "two%0Alines");
        Assert.Equal(HttpStatusCode.BadRequest, garbled.Status);
        Assert.Contains("invalid-format", garbled.Body["codes"]!["X-Acting-Person"]!.AsArray().Select(code => code!.GetValue<string>()));
        Assert.Equal(before, await AnnotationCountAsync(useCase));
    }

    private async Task<string> AnnotateAsync(string useCase, string key, string? person)
    {
        var answer = await SendAnnotationAsync(useCase, key, person);
        Assert.Equal(HttpStatusCode.Created, answer.Status);
        return answer.Body["createdBy"]!.GetValue<string>();
    }

    private Task<StackAnswer> SendAnnotationAsync(string useCase, string key, string? person) =>
        StackHttp.SendAsync(stack, "metrics", HttpMethod.Post, $"/api/v1/use-cases/{useCase}/annotations",
            new JsonObject { ["date"] = "2026-10-01", ["kind"] = "prompt-change", ["title"] = "Prompt v4" }, key, person);

    private async Task<string> CreateKeyAsync(string name, bool actsForPeople)
    {
        var created = await StackHttp.SendAsync(stack, "ingestion", HttpMethod.Post, "/api/v1/api-keys",
            new JsonObject { ["name"] = name, ["actsForPeople"] = actsForPeople });
        Assert.Equal(HttpStatusCode.Created, created.Status);
        return created.Body["key"]!.GetValue<string>();
    }

    private Task<long> AnnotationCountAsync(string useCase) =>
        StackDatabase.ScalarAsync(stack, "metricsdb", "select count(*) from metrics.annotations where use_case_id = $1", useCase);
}
