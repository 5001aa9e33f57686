using AiRoi.AppHost.Infrastructure;
using Microsoft.Extensions.Configuration;

namespace AiRoi.AppHost;

/// <summary>Whether the app host fills a first run with the demo portfolio (src/AiRoi.Demo).</summary>
public static class DemoPortfolioSetting
{
    /// <summary>The setting: <c>true</c> or <c>false</c>; unset means "when the run keeps its data".</summary>
    public const string SettingKey = "Demo:Enabled";

    /// <summary>
    /// The setting when given; otherwise on for a persistent run (a developer's first <c>./airoi run</c>) and off for
    /// an ephemeral one (test and benchmark stacks, which own their data and count it).
    /// </summary>
    public static bool IsEnabled(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return configuration.GetValue<bool?>(SettingKey) ?? !configuration.GetValue<bool>(InfrastructureBuilderExtensions.EphemeralSettingKey);
    }
}
