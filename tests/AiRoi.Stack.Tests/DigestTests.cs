using System.Net;
using System.Text.Json.Nodes;
using Aspire.Hosting.Testing;

namespace AiRoi.Stack.Tests;

/// <summary>The weekly digest: each business owner gets last week's review by e-mail once, and the API shows the same.</summary>
[Collection(StackCollection.Name)]
public sealed class DigestTests(StackFixture stack)
{
    [Fact]
    public async Task An_owner_gets_the_weekly_digest_by_email_once_and_the_api_shows_the_same_review()
    {
        var id = $"digest-{Guid.NewGuid():N}"[..24];
        var email = $"owner-{Guid.NewGuid():N}@example.com";
        var created = await StackHttp.SendAsync(stack, "metrics", HttpMethod.Post, "/api/v1/use-cases", new JsonObject
        {
            ["id"] = id,
            ["name"] = "Invoice <triage> bot",
            ["category"] = "operations",
            ["businessOwner"] = new JsonObject { ["name"] = "Noor Haddad", ["email"] = email },
            ["unitEconomics"] = new JsonObject { ["loadedHumanCostPerHour"] = 50, ["valuePerConversion"] = 0, ["fixedMonthlyCosts"] = new JsonArray() },
            ["primaryMetric"] = "costPerTask",
        });
        Assert.Equal(HttpStatusCode.Created, created.Status);

        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!stack.Mail.Received.Any(mail => mail.Recipients.Contains(email)))
        {
            Assert.True(DateTime.UtcNow < deadline, $"No digest reached {email}; {stack.Mail.Received.Count} messages to others.");
            await Task.Delay(500);
        }
        // Further checks (several periods) send it no second time.
        await Task.Delay(TimeSpan.FromSeconds(6));
        var mail = Assert.Single(stack.Mail.Received, received => received.Recipients.Contains(email)).Message;
        Assert.StartsWith("AiRoi weekly review,", mail.Subject, StringComparison.Ordinal);
        Assert.Equal("digests@airoi.test", mail.From.Mailboxes.Single().Address);
        var html = mail.HtmlBody!;
        // The name is encoded, never markup; the mistakes that apply are there in words.
        Assert.Contains("Invoice &lt;triage&gt; bot", html, StringComparison.Ordinal);
        Assert.Contains("Weekly review for Noor Haddad", html, StringComparison.Ordinal);
        Assert.Contains("no baseline", html, StringComparison.Ordinal);

        var listed = await StackHttp.SendAsync(stack, "metrics", HttpMethod.Get, "/api/v1/digests");
        var mine = listed.Array.Single(digest => digest!["ownerEmail"]!.GetValue<string>() == email)!;
        Assert.Equal([id], mine["useCaseIds"]!.AsArray().Select(useCase => useCase!.GetValue<string>()));
        Assert.Equal(mail.Subject, mine["subject"]!.GetValue<string>());

        using var client = stack.App.CreateHttpClient("metrics", "http");
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/digests/{Uri.EscapeDataString(email)}");
        request.Headers.Add("X-Api-Key", StackHttp.DevelopmentKey);
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(html.Trim(), (await response.Content.ReadAsStringAsync()).Trim());

        var nobody = await StackHttp.SendAsync(stack, "metrics", HttpMethod.Get, "/api/v1/digests/nobody%40example.com");
        Assert.Equal(HttpStatusCode.NotFound, nobody.Status);
    }
}
