using System.Net;
using System.Net.Sockets;
using Microsoft.Playwright;

namespace AiRoi.Web.BrowserTests;

/// <summary>An editor sets up an alert from the web and reads its delivery log there.</summary>
[Collection(WebStackCollection.Name)]
public sealed class AlertsTests(WebStack stack)
{
    [Fact]
    public async Task An_editor_adds_a_rule_sees_its_secret_once_and_reads_each_failed_delivery_in_the_log()
    {
        // An address nobody listens on: every attempt fails, and the log says how.
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var deadPort = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        var page = await stack.NewPageAsync();
        await Browse.SignInAsync(page, WebStack.AdminUserName, WebStack.AdminPassword);
        await Browse.GotoAsync(page, "/alerts");

        var form = page.GetByTestId("new-rule");
        await form.GetByLabel("Webhook address").FillAsync($"http://127.0.0.1:{deadPort}/hooks/team");
        await form.GetByRole(AriaRole.Button, new() { Name = "Add rule" }).ClickAsync();
        var secret = page.GetByTestId("rule-secret");
        await Assertions.Expect(secret).ToContainTextAsync("shown once");
        var ruleId = (await secret.GetByRole(AriaRole.Heading).TextContentAsync())!.Split(' ')[^1];
        var row = page.Locator($"tr[data-rule='{ruleId}']");
        await Assertions.Expect(row).ToContainTextAsync("Every use case");
        // The address may carry a token (Slack's does): only its host is shown.
        await Assertions.Expect(row).Not.ToContainTextAsync("/hooks/team");

        // A use case registered now starts "measuring once": an alert, whose attempts fail.
        var useCase = await TestUseCase.CreateAsync(stack);
        var deadline = DateTime.UtcNow.AddSeconds(40);
        ILocator alert;
        while (true)
        {
            await Browse.GotoAsync(page, "/alerts");
            alert = page.Locator("tr[data-alert]").Filter(new() { Has = page.Locator($"a[href='/use-cases/{useCase.Id}']") }).First;
            if (await alert.CountAsync() > 0 && (await alert.Locator(".delivery-log li").CountAsync()) >= 2)
            {
                break;
            }
            Assert.True(DateTime.UtcNow < deadline, "No alert with two attempts appeared for the new use case.");
            await Task.Delay(1000);
        }
        await Assertions.Expect(alert).ToHaveAttributeAsync("data-state", "pending");
        // The alert's condition is in the owner's weekly digest too, which reads in the web as it is sent.
        await Browse.GotoAsync(page, $"/digests?owner={Uri.EscapeDataString($"owner-{useCase.Id["web-".Length..]}@example.com")}");
        await Assertions.Expect(page.GetByTestId("digest")).ToContainTextAsync(useCase.Name);
        await Assertions.Expect(page.GetByTestId("digest")).ToContainTextAsync("Measurement mistakes that apply");
        await Browse.GotoAsync(page, "/alerts");
        await Assertions.Expect(alert.Locator(".delivery-log li").First).Not.ToContainTextAsync("delivered");
        await Browse.ScreenshotAsync(page, "alerts");

        // Deleting asks first; the rule's pending notices are dropped with it.
        await row.GetByRole(AriaRole.Button, new() { Name = $"Delete rule {ruleId}" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete now" }).ClickAsync();
        await Assertions.Expect(page.Locator($"tr[data-rule='{ruleId}']")).ToHaveCountAsync(0);
        var rules = await stack.CallAsync("metrics", HttpMethod.Get, "/api/v1/alert-rules");
        Assert.DoesNotContain(rules!.AsArray(), rule => rule!["id"]!.GetValue<long>().ToString(System.Globalization.CultureInfo.InvariantCulture) == ruleId);
    }
}
