using System.Net;
using System.Text.RegularExpressions;
using Aspire.Hosting.Testing;

namespace AiRoi.Stack.Tests;

/// <summary>The web frontend as a signed-in person reaches it: every page but the sign-in needs an account.</summary>
public static partial class StackWeb
{
    /// <summary>The first admin Development creates (README, "Signing in").</summary>
    public const string AdminUserName = "admin";

    /// <summary>Its password in Development.</summary>
    public const string AdminPassword = "airoi-admin";

    /// <summary>An HTTP client of the web frontend whose cookie is the first admin's, after signing in through the form.</summary>
    public static async Task<HttpClient> SignedInClientAsync(StackFixture stack)
    {
        var handler = new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false };
        var client = new HttpClient(handler) { BaseAddress = stack.App.GetEndpoint("web", "http") };
        using var timeout = new CancellationTokenSource(StackFixture.CallTimeout);
        var form = await client.GetStringAsync("/sign-in", timeout.Token);
        var token = AntiforgeryToken().Match(form);
        Assert.True(token.Success, "The sign-in page has no antiforgery token.");
        using var body = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "sign-in",
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value),
            ["Input.UserName"] = AdminUserName,
            ["Input.Password"] = AdminPassword,
        });
        using var answer = await client.PostAsync("/sign-in", body, timeout.Token);
        Assert.True(answer.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther,
            $"Signing in answered {(int)answer.StatusCode}: {await answer.Content.ReadAsStringAsync(timeout.Token)}");
        return client;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
