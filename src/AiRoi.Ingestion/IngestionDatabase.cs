namespace AiRoi.Ingestion;

/// <summary>The database the ingestion service owns: API keys and import records.</summary>
public static class IngestionDatabase
{
    /// <summary>The connection name the app host provides (<c>ConnectionStrings:ingestiondb</c>).</summary>
    public const string ConnectionName = "ingestiondb";
}
