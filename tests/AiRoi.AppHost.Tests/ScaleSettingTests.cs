using AiRoi.AppHost;
using Microsoft.Extensions.Configuration;

namespace AiRoi.AppHost.Tests;

public sealed class ScaleSettingTests
{
    private static IConfiguration Settings(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(setting => KeyValuePair.Create(setting.Key, (string?)setting.Value))).Build();

    [Fact]
    public void One_process_of_each_service_unless_asked()
    {
        Assert.Equal(new ScaleSetting(1, 1, 1), ScaleSetting.Read(Settings()));
    }

    [Fact]
    public void Each_count_is_read_from_its_own_key()
    {
        Assert.Equal(new ScaleSetting(3, 2, 4), ScaleSetting.Read(Settings(
            (ScaleSetting.MetricsSilosKey, "3"), (ScaleSetting.IngestionNodesKey, "2"), (ScaleSetting.ExperimentServicesKey, "4"))));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("17")]
    public void A_count_out_of_range_stops_the_app_host_naming_the_key(string count)
    {
        var refused = Assert.Throws<InvalidOperationException>(() => ScaleSetting.Read(Settings((ScaleSetting.IngestionNodesKey, count))));
        Assert.Contains(ScaleSetting.IngestionNodesKey, refused.Message, StringComparison.Ordinal);
    }
}
