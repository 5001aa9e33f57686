namespace AiRoi.Experiments;

/// <summary>The database the experiment service owns: definitions, exposures, per-variant statistics.</summary>
public static class ExperimentsDatabase
{
    /// <summary>The connection name the app host provides (<c>ConnectionStrings:experimentsdb</c>).</summary>
    public const string ConnectionName = "experimentsdb";
}
