namespace AiRoi.Contracts.Messages;

/// <summary>The message broker every publisher and consumer of these messages connects to.</summary>
public static class Broker
{
    /// <summary>Its connection name, as the app host provides it (<c>ConnectionStrings:messaging</c>).</summary>
    public const string ConnectionName = "messaging";
}
