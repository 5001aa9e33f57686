using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Aspire.Hosting.Testing;

namespace AiRoi.Stack.Tests;

/// <summary>
/// Malformed requests from a seeded generator over every operation of the three APIs: wrong types, nulls, huge
/// numbers and strings, deep nesting, duplicate fields, control and invisible characters, extreme dates, wrong
/// content types, junk ids and query parameters, keys missing or made up. None may answer 5xx; every 4xx is a
/// problem detail; none may take over 2 s; and a use case's data is the same afterwards. The default run sends
/// <see cref="DefaultRequests"/> requests; <c>AIROI_FUZZ_REQUESTS</c> sets another number (a nightly run: 100000).
/// </summary>
[Collection(StackCollection.Name)]
public sealed class FuzzTests(StackFixture stack)
{
    /// <summary>Requests in the default run.</summary>
    public const int DefaultRequests = 10_000;

    /// <summary>The slowest answer allowed.</summary>
    public static readonly TimeSpan SlowestAllowed = TimeSpan.FromSeconds(2);

    /// <summary>Operations whose effect needs no body: with a valid key they are sent to ids that do not exist only.</summary>
    private static readonly string[] BodilessChanges = ["/archive", "/unarchive", "/start", "/stop", "/revoke", "/replay", "/annotations/{annotationId}"];

    [Fact]
    public async Task Ten_thousand_malformed_requests_get_no_5xx_only_problem_details_within_2_s_and_change_nothing()
    {
        var total = int.TryParse(Environment.GetEnvironmentVariable("AIROI_FUZZ_REQUESTS"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var asked) && asked > 0
            ? asked
            : DefaultRequests;
        var (useCaseId, experimentId) = await FixtureAsync();
        var before = await SnapshotAsync(useCaseId, experimentId);
        var operations = await StackHttp.OperationsAsync(stack);
        var clients = new[] { "ingestion", "metrics", "experiments" }.ToDictionary(service => service, service => stack.App.CreateHttpClient(service, "http"));
        var random = new Random(20261203);
        var requests = Enumerable.Range(0, total).Select(_ => Generate(random, operations, useCaseId, experimentId)).ToList();

        var failures = new List<string>();
        var slowest = TimeSpan.Zero;
        var statuses = new Dictionary<int, int>();
        await Parallel.ForEachAsync(requests, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (request, cancellationToken) =>
        {
            var watch = Stopwatch.StartNew();
            using var message = request.ToMessage();
            using var response = await clients[request.Service].SendAsync(message, cancellationToken);
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            watch.Stop();
            var status = (int)response.StatusCode;
            string? failure = null;
            if (status >= 500)
            {
                failure = $"{status} for {request}: {Shorten(text)}";
            }
            // A NUL in the path is refused by the web server itself (an invalid request target, a bare 400) before
            // any of the service's code runs; everything else is answered by the service, with problem details.
            else if (status >= 400 && !(status == 400 && request.Path.Contains("%00", StringComparison.Ordinal) && text.Length == 0)
                && (response.Content.Headers.ContentType?.MediaType != "application/problem+json" || !text.Contains("\"type\"", StringComparison.Ordinal)))
            {
                failure = $"{status} without problem details for {request}: {Shorten(text)}";
            }
            else if (watch.Elapsed > SlowestAllowed)
            {
                failure = $"{watch.Elapsed.TotalMilliseconds:0} ms for {request}";
            }
            lock (failures)
            {
                statuses[status] = statuses.GetValueOrDefault(status) + 1;
                slowest = watch.Elapsed > slowest ? watch.Elapsed : slowest;
                if (failure is not null)
                {
                    failures.Add(failure);
                }
            }
        });
        foreach (var client in clients.Values)
        {
            client.Dispose();
        }

        var after = await SnapshotAsync(useCaseId, experimentId);
        var summary = $"{total} requests, slowest {slowest.TotalMilliseconds:0} ms, statuses {string.Join(", ", statuses.OrderBy(pair => pair.Key).Select(pair => $"{pair.Key}×{pair.Value}"))}";
        Assert.True(failures.Count == 0, $"{summary}{Environment.NewLine}{string.Join(Environment.NewLine, failures.Take(30))}");
        Assert.Equal(before, after);
        Assert.True(statuses.Keys.Any(status => status is >= 200 and < 300), summary);
    }

    /// <summary>One generated request.</summary>
    private sealed record Request(string Service, string Method, string Path, string? Key, byte[]? Body, string? ContentType)
    {
        public HttpRequestMessage ToMessage()
        {
            var message = new HttpRequestMessage(new HttpMethod(Method), Path);
            if (Key is not null)
            {
                message.Headers.TryAddWithoutValidation("X-Api-Key", Key);
            }
            if (Body is not null)
            {
                message.Content = new ByteArrayContent(Body);
                if (ContentType is not null)
                {
                    message.Content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
                }
            }
            return message;
        }

        public override string ToString() =>
            $"{Service} {Method} {Shorten(Path)} key={(Key is null ? "none" : Shorten(Key))} type={ContentType ?? "none"} body={(Body is null ? "none" : Shorten(Encoding.UTF8.GetString(Body)))}";
    }

    private static Request Generate(Random random, IReadOnlyList<(string Service, string Method, string Path)> operations, string useCaseId, string experimentId)
    {
        var (service, method, template) = operations[random.Next(operations.Count)];
        var bodiless = BodilessChanges.Any(suffix => template.EndsWith(suffix, StringComparison.Ordinal)) || (method == "DELETE");
        var key = random.Next(10) switch
        {
            0 => null,
            1 => Junk(random, 40),
            2 => "airoi_" + new string('x', 300),
            _ => StackHttp.DevelopmentKey,
        };
        // Changes that need no body reach only ids that do not exist, unless the key is refused anyway.
        var realIds = !(bodiless && key == StackHttp.DevelopmentKey) && random.Next(3) > 0;
        var id = realIds
            ? template.StartsWith("/api/v1/experiments", StringComparison.Ordinal) ? experimentId
                : template.StartsWith("/api/v1/api-keys", StringComparison.Ordinal) ? Guid.NewGuid().ToString() : useCaseId
            : JunkId(random);
        var path = template.Replace("{id}", Uri.EscapeDataString(id), StringComparison.Ordinal)
            .Replace("{useCaseId}", Uri.EscapeDataString(realIds ? useCaseId : JunkId(random)), StringComparison.Ordinal)
            .Replace("{metric}", Uri.EscapeDataString(random.Next(2) == 0 ? "costPerTask" : JunkId(random)), StringComparison.Ordinal)
            .Replace("{annotationId}", random.Next(2) == 0 ? "999999999" : "-1", StringComparison.Ordinal);
        path += Query(random);
        if (method is "GET" or "DELETE")
        {
            return new Request(service, method, path, key, null, null);
        }
        var (body, contentType) = Body(random);
        return new Request(service, method, path, key, body, contentType);
    }

    private static readonly string[] Parameters =
        ["from", "to", "asOf", "granularity", "metric", "segment", "handler", "by", "stratifyBy", "control", "days", "category", "includeArchived",
         "sort", "order", "health", "owner", "keyOnly", "subjectId", "status", "useCaseId"];

    private static string Query(Random random)
    {
        if (random.Next(3) == 0)
        {
            return "";
        }
        var parts = Enumerable.Range(0, random.Next(1, 4))
            .Select(_ => $"{Parameters[random.Next(Parameters.Length)]}={Uri.EscapeDataString(Capped(JunkValue(random)))}");
        return "?" + string.Join("&", parts);
    }

    private static (byte[]? Body, string? ContentType) Body(Random random)
    {
        var contentType = random.Next(10) switch
        {
            0 => null,
            1 => "text/plain",
            2 => "application/xml",
            3 => "text/csv",
            4 => "application/json; charset=latin1",
            _ => "application/json",
        };
        byte[]? body = random.Next(12) switch
        {
            0 => null,
            1 => [],
            2 => [0xC3, 0x28, 0xFF, 0xFE, 0x00], // not UTF-8
            3 => Encoding.UTF8.GetBytes(new string('[', 300) + new string(']', 300)), // deep nesting
            4 => Encoding.UTF8.GetBytes("""{"name": "a", "name": "b"}"""), // a duplicate field
            5 => Encoding.UTF8.GetBytes("{\"events\": [" + string.Join(",", Enumerable.Repeat("{}", random.Next(1, 50))) + "]}"),
            6 => Encoding.UTF8.GetBytes("{\"x\": " + new string('9', 5000) + "}"), // a huge number
            _ => Encoding.UTF8.GetBytes(JunkJson(random, 0)?.ToJsonString() ?? "null"),
        };
        return (body, contentType);
    }

    private static readonly string[] FieldNames =
        ["eventId", "useCaseId", "startedAt", "completedAt", "handler", "csat", "nps", "aiCost", "events", "name", "id", "category", "unitEconomics",
         "primaryMetric", "metricKey", "method", "value", "date", "kind", "title", "variants", "weight", "decision", "pValues", "metricType", "n",
         "conversions", "useCaseIds", "readOnly", "admin", "targets", "attributes", "measures", "reviewer"];

    private static JsonNode? JunkJson(Random random, int depth)
    {
        switch (depth > 4 ? random.Next(6) : random.Next(9))
        {
            case 0: return null;
            case 1: return JsonValue.Create(random.Next(2) == 0);
            case 2: return JsonValue.Create(random.Next(4) switch { 0 => double.MaxValue, 1 => -1e300, 2 => 0.1, _ => -1 });
            case 3: return JsonValue.Create(random.Next(3) == 0 ? long.MaxValue : random.Next(-1000, 1000));
            case 4: return JsonValue.Create(JunkValue(random));
            case 5: return JsonValue.Create(random.Next(2) == 0 ? new string('a', random.Next(1000, 200_000)) : "");
            case 6:
                return new JsonArray(Enumerable.Range(0, random.Next(0, 5)).Select(_ => JunkJson(random, depth + 1)).ToArray());
            default:
                var node = new JsonObject();
                foreach (var name in Enumerable.Range(0, random.Next(1, 8)).Select(_ => FieldNames[random.Next(FieldNames.Length)]).Distinct())
                {
                    node[name] = JunkJson(random, depth + 1);
                }
                return node;
        }
    }

    private static string JunkValue(Random random) => random.Next(12) switch
    {
        0 => "0001-01-01",
        1 => "9999-12-31T23:59:59Z",
        2 => "2026-02-30",
        3 => "\u202Egnp.exe",
        4 => "a\u0000b",
        5 => "\uFEFFid",
        6 => "zero\u200Bwidth",
        7 => "-1",
        8 => "1e309",
        9 => "NaN",
        10 => new string('z', random.Next(300, 5000)),
        _ => Junk(random, random.Next(1, 30)),
    };

    /// <summary>
    /// At most 1,000 characters: the server refuses request lines over 8 KB itself (414, before any service code),
    /// so longer values go in bodies.
    /// </summary>
    private static string Capped(string value) => value.Length <= 1_000 ? value : value[..1_000];

    private static string JunkId(Random random) => random.Next(4) switch
    {
        0 => "no-such-" + random.Next(1_000_000),
        1 => Capped(JunkValue(random)),
        2 => "UPPER_case",
        _ => "..%2F..%2Fetc",
    };

    private static string Junk(Random random, int length)
    {
        var characters = new char[length];
        for (var i = 0; i < length; i++)
        {
            characters[i] = (char)random.Next(0x20, 0x7F);
        }
        return new string(characters);
    }

    private static string Shorten(string text) => text.Length <= 160 ? text : text[..160] + "…";

    private async Task<(string UseCaseId, string ExperimentId)> FixtureAsync()
    {
        var id = $"fuzz-{Guid.NewGuid():N}"[..24];
        var created = await StackHttp.SendAsync(stack, "metrics", HttpMethod.Post, "/api/v1/use-cases", new JsonObject
        {
            ["id"] = id, ["name"] = "Fuzzed use case", ["category"] = "customer-service", ["aiGoLiveDate"] = "2026-09-07",
            ["unitEconomics"] = new JsonObject { ["loadedHumanCostPerHour"] = 60, ["valuePerConversion"] = 10, ["fixedMonthlyCosts"] = new JsonArray() },
            ["primaryMetric"] = "fcrRate",
        });
        Assert.True(created.Status == HttpStatusCode.Created, created.Node?.ToJsonString());
        var events = new JsonArray(Enumerable.Range(0, 20).Select(i => (JsonNode)new JsonObject
        {
            ["eventId"] = $"fuzz-{i}", ["useCaseId"] = id, ["handler"] = i % 2 == 0 ? "ai" : "human",
            ["startedAt"] = $"2026-10-{i + 1:D2}T10:00:00Z", ["completedAt"] = $"2026-10-{i + 1:D2}T10:05:00Z",
            ["resolved"] = true, ["csat"] = 1 + i % 5, ["aiCost"] = 0.5 + i,
        }).ToArray());
        Assert.Equal(HttpStatusCode.OK, (await StackHttp.SendAsync(stack, "ingestion", HttpMethod.Post, "/api/v1/events", new JsonObject { ["events"] = events })).Status);
        await StackHttp.SendAsync(stack, "metrics", HttpMethod.Post, $"/api/v1/use-cases/{id}/annotations",
            new JsonObject { ["date"] = "2026-10-05", ["kind"] = "prompt-change", ["title"] = "Prompt v2" });
        var experiment = await StackHttp.SendAsync(stack, "experiments", HttpMethod.Post, "/api/v1/experiments", new JsonObject
        {
            ["useCaseId"] = id, ["name"] = "Fuzzed experiment", ["hypothesis"] = "Nothing changes.", ["primaryMetric"] = "fcrRate",
            ["variants"] = new JsonArray(new JsonObject { ["name"] = "control", ["weight"] = 0.5 }, new JsonObject { ["name"] = "b", ["weight"] = 0.5 }),
        });
        Assert.True(experiment.Status == HttpStatusCode.Created, experiment.Node?.ToJsonString());
        return (id, experiment.Body["id"]!.GetValue<string>());
    }

    /// <summary>What the use case and its experiment hold: definition, events, annotations, baselines, reviews, the experiment.</summary>
    private async Task<string> SnapshotAsync(string useCaseId, string experimentId)
    {
        var parts = new List<string>();
        foreach (var (service, path) in new[]
        {
            ("metrics", $"/api/v1/use-cases/{useCaseId}"),
            ("metrics", $"/api/v1/use-cases/{useCaseId}/event-log"),
            ("metrics", $"/api/v1/use-cases/{useCaseId}/annotations"),
            ("metrics", $"/api/v1/use-cases/{useCaseId}/baselines"),
            ("metrics", $"/api/v1/use-cases/{useCaseId}/reviews"),
            ("experiments", $"/api/v1/experiments/{experimentId}"),
        })
        {
            var answer = await StackHttp.SendAsync(stack, service, HttpMethod.Get, path);
            parts.Add($"{path}: {(int)answer.Status} {answer.Node?.ToJsonString()}");
        }
        return string.Join(Environment.NewLine, parts);
    }
}
