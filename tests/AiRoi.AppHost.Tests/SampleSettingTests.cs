using AiRoi.AppHost;
using Microsoft.Extensions.Configuration;

namespace AiRoi.AppHost.Tests;

public sealed class SampleSettingTests
{
    [Theory]
    [InlineData(null, false)]
    [InlineData("false", false)]
    [InlineData("true", true)]
    public void The_sample_runs_only_when_asked(string? sample, bool expected)
    {
        var settings = new Dictionary<string, string?>();
        if (sample is not null)
        {
            settings[SampleSetting.SettingKey] = sample;
        }
        Assert.Equal(expected, SampleSetting.IsEnabled(new ConfigurationBuilder().AddInMemoryCollection(settings).Build()));
    }
}
