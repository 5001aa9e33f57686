using AiRoi.Web.Components.Shared;
using Bunit;

namespace AiRoi.Web.Tests;

public sealed class ConfirmButtonTests : BunitContext
{
    [Fact]
    public void The_first_press_asks_cancel_does_nothing_and_only_confirm_acts_once()
    {
        var acted = 0;
        var button = Render<ConfirmButton>(parameters => parameters
            .Add(confirm => confirm.Label, "Revoke billing-export")
            .Add(confirm => confirm.Question, "Revoke billing-export? This cannot be undone.")
            .Add(confirm => confirm.ConfirmLabel, "Revoke now")
            .Add(confirm => confirm.Confirmed, () => acted++));

        button.Find("button").Click();
        Assert.Contains("cannot be undone", button.Find("[role=alertdialog]").TextContent, StringComparison.Ordinal);
        button.FindAll("button").Single(b => b.TextContent == "Cancel").Click();
        Assert.Equal(0, acted);
        Assert.Equal("Revoke billing-export", button.Find("button").TextContent);

        button.Find("button").Click();
        button.FindAll("button").Single(b => b.TextContent == "Revoke now").Click();
        Assert.Equal(1, acted);
        Assert.Empty(button.FindAll("[role=alertdialog]"));
    }
}
