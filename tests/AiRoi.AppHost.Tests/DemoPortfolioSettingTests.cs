using AiRoi.AppHost;
using Microsoft.Extensions.Configuration;

namespace AiRoi.AppHost.Tests;

public sealed class DemoPortfolioSettingTests
{
    [Theory]
    [InlineData(null, null, true)]
    [InlineData(null, "false", true)]
    [InlineData(null, "true", false)]
    [InlineData("false", null, false)]
    [InlineData("true", "true", true)]
    public void The_demo_fills_persistent_runs_unless_told_otherwise(string? demo, string? ephemeral, bool expected)
    {
        var settings = new Dictionary<string, string?>();
        if (demo is not null)
        {
            settings["Demo:Enabled"] = demo;
        }
        if (ephemeral is not null)
        {
            settings["Infrastructure:Ephemeral"] = ephemeral;
        }

        Assert.Equal(expected, DemoPortfolioSetting.IsEnabled(new ConfigurationBuilder().AddInMemoryCollection(settings).Build()));
    }
}
