using System.Net;
using System.Text.Json.Nodes;

namespace AiRoi.Stack.Tests;

/// <summary>
/// What reaches across the organization (API keys, the dead letters of every use case, the silo's memory) needs an
/// organization-wide admin key: an admin key scoped to some use cases is refused with 403 naming its scope.
/// </summary>
[Collection(StackCollection.Name)]
public sealed class KeyScopeTests(StackFixture stack)
{
    [Fact]
    public async Task An_admin_key_scoped_to_one_use_case_cannot_act_on_the_whole_organization()
    {
        var created = await StackHttp.SendAsync(stack, "ingestion", HttpMethod.Post, "/api/v1/api-keys",
            new JsonObject { ["name"] = "scoped admin", ["useCaseIds"] = new JsonArray($"scope-{Guid.NewGuid():N}"[..20]), ["admin"] = true });
        Assert.Equal(HttpStatusCode.Created, created.Status);
        var scoped = created.Body["key"]!.GetValue<string>();
        var other = await StackHttp.SendAsync(stack, "ingestion", HttpMethod.Post, "/api/v1/api-keys",
            new JsonObject { ["name"] = "organization admin", ["admin"] = true });
        var otherId = other.Body["apiKey"]!["id"]!.GetValue<string>();

        var refusals = new[]
        {
            await StackHttp.SendAsync(stack, "ingestion", HttpMethod.Get, "/api/v1/api-keys", key: scoped),
            await StackHttp.SendAsync(stack, "ingestion", HttpMethod.Post, $"/api/v1/api-keys/{otherId}/revoke", key: scoped),
            await StackHttp.SendAsync(stack, "experiments", HttpMethod.Get, "/api/v1/dead-letters", key: scoped),
            await StackHttp.SendAsync(stack, "experiments", HttpMethod.Post, "/api/v1/dead-letters/replay", key: scoped),
            await StackHttp.SendAsync(stack, "metrics", HttpMethod.Get, "/api/v1/status/memory", key: scoped),
        };

        Assert.All(refusals, refusal =>
        {
            Assert.Equal(HttpStatusCode.Forbidden, refusal.Status);
            Assert.Equal("https://airoi.dev/problems/use-case-not-in-key-scope", refusal.Body["type"]!.GetValue<string>());
        });
        var list = await StackHttp.SendAsync(stack, "ingestion", HttpMethod.Get, "/api/v1/api-keys");
        Assert.Contains(list.Array, key => key!["id"]!.GetValue<string>() == otherId && key["revokedAt"] is null);
    }

    [Fact]
    public async Task A_burst_of_unknown_keys_leaves_valid_writers_served()
    {
        var created = await StackHttp.SendAsync(stack, "ingestion", HttpMethod.Post, "/api/v1/api-keys", new JsonObject { ["name"] = "writer after a burst" });
        var valid = created.Body["key"]!.GetValue<string>();

        var burst = await Task.WhenAll(Enumerable.Range(0, 200).Select(i => StackHttp.SendAsync(
            stack, "metrics", HttpMethod.Post, $"/api/v1/use-cases/burst-{i}/annotations", new JsonObject(), key: $"unknown-{i}-{Guid.NewGuid():N}")));
        var after = await StackHttp.SendAsync(stack, "metrics", HttpMethod.Post, $"/api/v1/use-cases/no-such-{Guid.NewGuid():N}"[..40] + "/annotations",
            new JsonObject { ["date"] = "2026-11-01", ["kind"] = "other", ["title"] = "after the burst" }, key: valid);

        Assert.All(burst, answer => Assert.Equal(HttpStatusCode.Unauthorized, answer.Status));
        // The key was verified (not refused, not 503): the use case is what is missing.
        Assert.Equal(HttpStatusCode.NotFound, after.Status);
    }
}
