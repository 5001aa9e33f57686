using Microsoft.Playwright;

namespace AiRoi.Web.BrowserTests;

[Collection(WebStackCollection.Name)]
public sealed class ExperimentTests(WebStack stack)
{
    [Fact]
    public async Task An_editor_defines_an_experiment_sees_the_sample_it_needs_and_starts_it()
    {
        var useCase = await TestUseCase.CreateAsync(stack);
        var page = await stack.NewPageAsync();
        await Browse.SignInAsync(page, WebStack.AdminUserName, WebStack.AdminPassword);
        await Browse.GotoAsync(page, $"/experiments/new?useCase={useCase.Id}");
        var name = $"Prompt v5 {Guid.NewGuid():N}"[..18];

        // Weights are percentages; ones that do not add up to 100 % are refused in the form's words before anything is sent.
        await Assertions.Expect(page.GetByLabel("Primary metric")).ToHaveValueAsync("costPerTask");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync(name);
        await Assertions.Expect(page.GetByLabel("Variant 1 weight (%)")).ToHaveValueAsync("50");
        await page.GetByLabel("Variant 2 weight").FillAsync("60");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create draft" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-field='variants']")).ToHaveTextAsync("The weights add up to 110 %; they must add up to 100 %.");

        await page.GetByLabel("Variant 2 weight").FillAsync("50");
        await page.GetByLabel("Variant 2 name").FillAsync("prompt-v5");
        await page.GetByLabel("Smallest effect worth detecting (relative %)").FillAsync("10");
        await page.GetByLabel("Smallest effect worth detecting (relative %)").BlurAsync();
        await Assertions.Expect(page.GetByTestId("planned-sample")).ToContainTextAsync("units per variant");
        await page.GetByLabel("Correction across the primary and secondary metrics").SelectOptionAsync("BenjaminiHochberg");
        await page.GetByLabel("Guardrail tolerance (relative %, how far a guardrail may worsen)").FillAsync("3");
        await page.GetByLabel("Guardrail tolerance (relative %, how far a guardrail may worsen)").BlurAsync();
        await Browse.ScreenshotAsync(page, "experiment-new");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create draft" }).ClickAsync();

        await page.WaitForURLAsync("**/experiments/exp-*");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = name, Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("experiment-status")).ToHaveTextAsync("Draft");
        var stored = await stack.CallAsync("experiments", HttpMethod.Get, $"/api/v1/experiments/{page.Url[(page.Url.LastIndexOf('/') + 1)..]}");
        Assert.Equal("benjamini-hochberg", stored!["definition"]!["multipleTesting"]!.GetValue<string>());
        Assert.Equal(0.03, stored["definition"]!["guardrailTolerance"]!.GetValue<double>(), 9);
        // Typed as 50 % and 80 %, stored as the fractions the API takes.
        Assert.Equal(0.5, stored["definition"]!["variants"]![1]!["weight"]!.GetValue<double>(), 12);
        Assert.Equal(0.8, stored["definition"]!["power"]!.GetValue<double>(), 12);
        await page.GetByRole(AriaRole.Button, new() { Name = "Start" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("experiment-status")).ToHaveTextAsync("Running");
        await Assertions.Expect(page.Locator("tr[data-variant='prompt-v5']").First).ToBeVisibleAsync();
        await Browse.ScreenshotAsync(page, "experiment-results");

        await Browse.GotoAsync(page, $"/experiments?useCase={useCase.Id}");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = name })).ToBeVisibleAsync();
        // The list speaks of the use case and the metric by their names, not their ids.
        var row = page.Locator("tr[data-experiment]").Filter(new() { HasText = name });
        await Assertions.Expect(row).ToContainTextAsync(useCase.Name);
        await Assertions.Expect(row).ToContainTextAsync("Cost per task");
        await Assertions.Expect(row).Not.ToContainTextAsync(useCase.Id);
    }
}
