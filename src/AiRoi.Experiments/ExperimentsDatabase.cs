namespace AiRoi.Experiments;

/// <summary>The database the experiment service owns: definitions, exposures, per-variant statistics.</summary>
public static class ExperimentsDatabase
{
    /// <summary>The connection name the app host provides (<c>ConnectionStrings:experimentsdb</c>).</summary>
    public const string ConnectionName = "experimentsdb";

    /// <summary>The connection name of the message broker (<c>ConnectionStrings:messaging</c>).</summary>
    public const string BrokerConnectionName = "messaging";
}
