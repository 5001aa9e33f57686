namespace AiRoi.AppHost.Infrastructure;

/// <summary>How PostgreSQL and RabbitMQ are run (setting <c>Infrastructure:Mode</c>).</summary>
public enum InfrastructureMode
{
    /// <summary>Containers when a container engine answers healthy, local processes otherwise.</summary>
    Auto,

    /// <summary>Containers, the Aspire convention (<c>AddPostgres</c>, <c>AddRabbitMQ</c>).</summary>
    Containers,

    /// <summary>Local processes from the operating system's packages.</summary>
    Local,
}

/// <summary>Turns the configured mode into the one to use; pure, so every branch is unit tested.</summary>
public static class InfrastructureModeChoice
{
    /// <summary>The configuration key that holds the mode.</summary>
    public const string SettingKey = "Infrastructure:Mode";

    /// <summary>
    /// Parses <paramref name="configured"/> (empty means auto) and resolves auto by asking
    /// <paramref name="containerEngineIsHealthy"/>, which is called only when the answer depends on it.
    /// </summary>
    /// <exception cref="InvalidOperationException">The setting names no mode.</exception>
    public static InfrastructureMode Choose(string? configured, Func<bool> containerEngineIsHealthy)
    {
        var mode = Parse(configured);
        return mode switch
        {
            InfrastructureMode.Auto => containerEngineIsHealthy() ? InfrastructureMode.Containers : InfrastructureMode.Local,
            _ => mode,
        };
    }

    private static InfrastructureMode Parse(string? configured)
    {
        if (string.IsNullOrWhiteSpace(configured))
        {
            return InfrastructureMode.Auto;
        }
        return configured.Trim().ToLowerInvariant() switch
        {
            "auto" => InfrastructureMode.Auto,
            "containers" or "container" => InfrastructureMode.Containers,
            "local" => InfrastructureMode.Local,
            _ => throw new InvalidOperationException(
                $"{SettingKey} is '{configured}'; use 'auto' (the default), 'containers' or 'local'."),
        };
    }
}
