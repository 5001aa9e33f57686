using Microsoft.Playwright;

namespace AiRoi.Web.BrowserTests;

[Collection(WebStackCollection.Name)]
public sealed class SettingsAndRolesTests(WebStack stack)
{
    [Fact]
    public async Task A_settings_form_shows_the_servers_message_next_to_the_field_then_saves()
    {
        var useCase = await TestUseCase.CreateAsync(stack);
        var page = await stack.NewPageAsync();
        await Browse.SignInAsync(page, WebStack.AdminUserName, WebStack.AdminPassword);
        await Browse.GotoAsync(page, $"/use-cases/{useCase.Id}/settings");
        var form = page.GetByTestId("annotations-form");

        await form.GetByRole(AriaRole.Button, new() { Name = "Add annotation" }).ClickAsync();

        // The metrics API's problem details name the field; the page puts its message under that field.
        await Assertions.Expect(page.Locator("#annotation-title-errors")).ToContainTextAsync("Title");
        await Browse.ScreenshotAsync(page, "settings-validation");

        await form.GetByLabel("Title").FillAsync("Price change for SMB");
        await form.GetByLabel("Kind").SelectOptionAsync("PriceChange");
        await form.GetByRole(AriaRole.Button, new() { Name = "Add annotation" }).ClickAsync();
        await Assertions.Expect(form.GetByText("Price change: Price change for SMB")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#annotation-title-errors")).ToHaveCountAsync(0);
        // The metrics API records the signed-in person, vouched for by the web's key, as the author.
        var annotations = await stack.CallAsync("metrics", HttpMethod.Get, $"/api/v1/use-cases/{useCase.Id}/annotations");
        Assert.Equal($"{WebStack.AdminUserName} via development key",
            annotations!.AsArray().Single(annotation => annotation!["title"]!.GetValue<string>() == "Price change for SMB")!["createdBy"]!.GetValue<string>());

        // The owner's e-mail is checked by the registry; its message lands under that field, and a good one saves.
        var owner = page.GetByTestId("owner-form");
        await owner.GetByLabel("Owner's e-mail").FillAsync("not-an-address");
        await owner.GetByRole(AriaRole.Button, new() { Name = "Save owner and economics" }).ClickAsync();
        await Assertions.Expect(page.Locator("#owner-email-errors")).ToContainTextAsync("Owner's e-mail must be");
        await owner.GetByLabel("Owner's e-mail").FillAsync("new.owner@example.com");
        await owner.GetByLabel("Loaded human cost per hour").FillAsync("51.5");
        await owner.GetByRole(AriaRole.Button, new() { Name = "Save owner and economics" }).ClickAsync();
        await Assertions.Expect(owner.GetByText("Saved.")).ToBeVisibleAsync();
        var stored = await stack.CallAsync("metrics", HttpMethod.Get, $"/api/v1/use-cases/{useCase.Id}");
        Assert.Equal("new.owner@example.com", stored!["businessOwner"]!["email"]!.GetValue<string>());
        Assert.Equal(51.5m, stored["unitEconomics"]!["loadedHumanCostPerHour"]!.GetValue<decimal>());

        // A target replaced through its form is stored as entered.
        var targets = page.GetByTestId("targets-form");
        await targets.GetByLabel("Value").First.FillAsync("7.5");
        await targets.GetByRole(AriaRole.Button, new() { Name = "Save targets" }).ClickAsync();
        await Assertions.Expect(targets.GetByText("Targets saved.")).ToBeVisibleAsync();
        stored = await stack.CallAsync("metrics", HttpMethod.Get, $"/api/v1/use-cases/{useCase.Id}");
        Assert.Equal(7.5, stored!["targets"]![0]!["value"]!.GetValue<double>());

        // The baseline recorded by the test data is listed with its version.
        await Assertions.Expect(page.Locator("[data-testid='baselines-form'] tr[data-metric='costPerTask'][data-version='1']")).ToBeVisibleAsync();
        await Browse.ScreenshotAsync(page, "settings");
    }

    [Fact]
    public async Task A_viewer_reads_but_is_refused_every_change()
    {
        var useCase = await TestUseCase.CreateAsync(stack);
        var viewerName = $"viewer-{Guid.NewGuid():N}"[..15];
        const string viewerPassword = "viewer-password-1";

        var admin = await stack.NewPageAsync();
        await Browse.SignInAsync(admin, WebStack.AdminUserName, WebStack.AdminPassword);
        await Browse.GotoAsync(admin, "/admin/accounts");
        await admin.GetByLabel("User name").FillAsync(viewerName);
        await admin.GetByLabel("Display name").FillAsync("Read Only");
        await admin.GetByLabel("Role", new() { Exact = true }).SelectOptionAsync("viewer");
        await admin.GetByLabel("Initial password").FillAsync(viewerPassword);
        await admin.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await Assertions.Expect(admin.Locator($"tr[data-account='{viewerName}']")).ToBeVisibleAsync();
        await Browse.ScreenshotAsync(admin, "accounts");

        var viewer = await stack.NewPageAsync();
        await Browse.SignInAsync(viewer, viewerName, viewerPassword);
        await Assertions.Expect(viewer.GetByTestId("role")).ToHaveTextAsync("viewer");

        // It reads the use case, with no way into its settings…
        await Browse.GotoAsync(viewer, $"/use-cases/{useCase.Id}");
        await Assertions.Expect(viewer.GetByRole(AriaRole.Heading, new() { Name = useCase.Name, Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(viewer.GetByRole(AriaRole.Link, new() { Name = "Settings" })).ToHaveCountAsync(0);

        // …and the server refuses the settings and the accounts pages when asked for them directly.
        await Browse.GotoAsync(viewer, $"/use-cases/{useCase.Id}/settings");
        await Assertions.Expect(viewer.GetByRole(AriaRole.Heading, new() { Name = "Not allowed" })).ToBeVisibleAsync();
        await Assertions.Expect(viewer.GetByTestId("annotations-form")).ToHaveCountAsync(0);
        await Browse.ScreenshotAsync(viewer, "viewer-refused");
        // The refusal is the server's answer to the HTTP request, before any page is rendered.
        var direct = await viewer.Context.APIRequest.GetAsync($"/use-cases/{useCase.Id}/settings", new() { MaxRedirects = 0 });
        Assert.Equal(302, direct.Status);
        Assert.StartsWith("/not-allowed", new Uri(direct.Headers["location"], UriKind.RelativeOrAbsolute) is { IsAbsoluteUri: true } absolute ? absolute.PathAndQuery : direct.Headers["location"], StringComparison.Ordinal);
        await Browse.GotoAsync(viewer, "/admin/accounts");
        await Assertions.Expect(viewer.GetByRole(AriaRole.Heading, new() { Name = "Not allowed" })).ToBeVisibleAsync();

        // Nothing changed: the use case has the one annotation its test data recorded.
        var annotations = await stack.CallAsync("metrics", HttpMethod.Get, $"/api/v1/use-cases/{useCase.Id}/annotations");
        Assert.Single(annotations!.AsArray());
    }
}
