using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using AiRoi.ServiceDefaults.Http;
using Microsoft.AspNetCore.Http;

namespace AiRoi.ServiceDefaults.Tests;

/// <summary>
/// The shared body reader on a request type shaped like the APIs' (records, nested lists, dates, money, maps,
/// enums as kebab-case strings). The analysis API's own tests cover the same reader through its handlers.
/// </summary>
public class JsonRequestBodyTests
{
    private static readonly JsonSerializerOptions Options = CreateOptions();

    public enum Channel
    {
        Chat = 1,
        VoiceCall = 2,
    }

    public sealed record Line(string Name, decimal Amount);

    public sealed record Body
    {
        public string? Name { get; init; }

        public Channel? Channel { get; init; }

        public DateOnly? Due { get; init; }

        public DateTimeOffset? At { get; init; }

        public IReadOnlyList<Line>? Lines { get; init; }

        public IReadOnlyDictionary<string, double>? Measures { get; init; }
    }

    [Fact]
    public async Task A_body_that_fits_is_read()
    {
        var body = await ReadAsync("""{"name": "a", "channel": "voice-call", "due": "2025-01-31", "lines": [{"name": "x", "amount": 1.25}], "measures": {"score": 2}}""");

        Assert.Equal(Channel.VoiceCall, body.Channel);
        Assert.Equal(new DateOnly(2025, 1, 31), body.Due);
        Assert.Equal(1.25m, Assert.Single(body.Lines!).Amount);
        Assert.Equal(2, body.Measures!["score"]);
    }

    [Theory]
    [InlineData("""{"due": "31/01/2025"}""", "due", "a date such as")]
    [InlineData("""{"at": "yesterday"}""", "at", "ISO 8601")]
    [InlineData("""{"lines": [{"name": "x", "amount": "1.25"}]}""", "lines[0].amount", "a number")]
    [InlineData("""{"lines": {"name": "x"}}""", "lines", "an array")]
    [InlineData("""{"measures": {"score": "high"}}""", "measures.score", "a number")]
    [InlineData("""{"measures": [1]}""", "measures", "an object")]
    [InlineData("""{"name": 7}""", "name", "a string")]
    public async Task A_value_of_the_wrong_json_type_names_its_path_and_the_expected_type(string json, string field, string expected)
    {
        var problem = await RefusedAsync(json, "invalid-value", field);

        Assert.Contains(expected, problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"channel": "email"}""")]
    [InlineData("""{"channel": 1}""")]
    public async Task An_enum_takes_only_its_kebab_case_names(string json)
    {
        var problem = await RefusedAsync(json, "unknown-value", "channel");

        Assert.Contains("chat, voice-call", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"name": "a\u0000b"}""", "name")]
    [InlineData("""{"lines": [{"name": "x\u001b[31m", "amount": 1}]}""", "lines[0].name")]
    [InlineData("""{"name": "\u007f"}""", "name")]
    public async Task A_control_character_in_text_is_refused_naming_the_field(string json, string field)
    {
        var problem = await RefusedAsync(json, "invalid-value", field);

        Assert.Contains("control character", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tab_line_feed_and_carriage_return_are_text()
    {
        var body = await ReadAsync("""{"name": "line one\r\n\tline two"}""");

        Assert.Equal("line one\r\n\tline two", body.Name);
    }

    [Fact]
    public async Task A_field_sent_twice_is_refused_naming_it()
    {
        var problem = await RefusedAsync("""{"name": "a", "channel": "chat", "name": "b"}""", "malformed-json", "name");

        Assert.Contains("more than once", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"nmae": "a"}""", "nmae")]
    [InlineData("""{"lines": [{"name": "x", "amount": 1, "currency": "EUR"}]}""", "lines[0].currency")]
    public async Task An_unknown_field_is_named(string json, string field) =>
        await RefusedAsync(json, "unknown-field", field);

    [Theory]
    [InlineData("""{"lines": [{"name": "x",, }]}""", "lines[0]")]
    [InlineData("""{"name": "a",, }""", "$")]
    [InlineData("", "$")]
    public async Task Text_that_is_not_json_is_malformed_at_its_path(string json, string field) =>
        await RefusedAsync(json, "malformed-json", field);

    [Fact]
    public async Task A_null_body_is_refused() =>
        await RefusedAsync("null", "invalid-value", "$");

    [Theory]
    [InlineData(null)]
    [InlineData("text/csv")]
    public async Task A_body_not_sent_as_json_is_unsupported(string? contentType)
    {
        var exception = await Assert.ThrowsAsync<ProblemException>(() => ReadAsync("{}", contentType));

        Assert.Equal(RequestProblems.UnsupportedMediaType, exception.Problem);
        Assert.Equal(415, exception.ToProblem().StatusCode);
    }

    private static async Task<ProblemException> RefusedAsync(string json, string slug, string field)
    {
        var exception = await Assert.ThrowsAsync<ProblemException>(() => ReadAsync(json));

        Assert.Equal($"https://airoi.dev/problems/{slug}", exception.Problem.Type);
        Assert.Equal(field, exception.Field);
        return exception;
    }

    private static Task<Body> ReadAsync(string json, string? contentType = "application/json")
    {
        var context = new DefaultHttpContext();
        context.Request.Method = HttpMethods.Post;
        context.Request.ContentType = contentType;
        context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(json));
        return JsonRequestBody.ReadAsync<Body>(context.Request, Options, CancellationToken.None);
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            NumberHandling = JsonNumberHandling.Strict,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false));
        return options;
    }
}
