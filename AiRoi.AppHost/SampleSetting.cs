using Microsoft.Extensions.Configuration;

namespace AiRoi.AppHost;

/// <summary>
/// Whether the app host also starts the SupportBot sample (<c>samples/SupportBot</c>), which sends simulated tickets
/// through the .NET client and its model calls as traces: only when asked (<c>./airoi run --sample</c>, which sets
/// <c>Sample__Enabled=true</c>), never in test or benchmark stacks unless they ask.
/// </summary>
public static class SampleSetting
{
    /// <summary>The configuration key.</summary>
    public const string SettingKey = "Sample:Enabled";

    /// <summary>Whether the sample runs.</summary>
    public static bool IsEnabled(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return configuration.GetValue<bool>(SettingKey);
    }
}
