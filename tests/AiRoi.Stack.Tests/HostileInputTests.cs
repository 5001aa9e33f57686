using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace AiRoi.Stack.Tests;

/// <summary>
/// Input no client should send is refused with a problem detail naming what is wrong, never a 5xx: a body over the
/// server's limit, control characters in text, a field sent twice, a key no service could have issued, a dead-letter
/// replay whose body is not JSON.
/// </summary>
[Collection(StackCollection.Name)]
public sealed class HostileInputTests(StackFixture stack)
{
    [Theory]
    [InlineData("metrics", "/api/v1/use-cases")]
    [InlineData("experiments", "/api/v1/experiments")]
    public async Task A_body_over_the_limit_is_a_413_problem(string service, string path)
    {
        var huge = new StringContent("{\"name\": \"" + new string('x', 31 * 1024 * 1024) + "\"}", Encoding.UTF8, "application/json");

        var (status, body) = await StackHttp.SendContentAsync(stack, service, path, huge);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.Equal("https://airoi.dev/problems/request-too-large", body!["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_control_character_in_a_keys_name_is_a_400_naming_the_field()
    {
        var answer = await StackHttp.SendAsync(stack, "ingestion", HttpMethod.Post, "/api/v1/api-keys", new JsonObject { ["name"] = "ci\u0000key" });

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal("name", answer.Body["field"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_field_sent_twice_is_refused()
    {
        var (status, body) = await StackHttp.SendContentAsync(stack, "ingestion", "/api/v1/api-keys",
            new StringContent("""{"name": "reader", "admin": false, "admin": true}""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("admin", body!["field"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("metrics", "/api/v1/use-cases")]
    [InlineData("experiments", "/api/v1/experiments")]
    [InlineData("ingestion", "/api/v1/events")]
    public async Task A_key_no_service_could_have_issued_is_a_401_at_once(string service, string path)
    {
        var clock = Stopwatch.StartNew();
        var (status, body) = await StackHttp.SendContentAsync(stack, service, path, new StringContent("{}", Encoding.UTF8, "application/json"), key: "not a key\u0001");

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal("https://airoi.dev/problems/api-key-required", body!["type"]!.GetValue<string>());
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"Refused after {clock.Elapsed.TotalSeconds:0.0} s");
    }

    [Fact]
    public async Task A_dead_letter_replay_whose_body_has_no_json_content_type_is_refused_not_a_replay_of_everything()
    {
        // A body without a Content-Type passes routing's content-type check; it must not read as "no body: replay all".
        var (status, body) = await StackHttp.SendContentAsync(stack, "experiments", "/api/v1/dead-letters/replay",
            new ByteArrayContent(Encoding.UTF8.GetBytes("""{"messageIds": ["abc"]}""")));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, status);
        Assert.Equal("https://airoi.dev/problems/unsupported-media-type", body!["type"]!.GetValue<string>());
    }
}
