namespace AiRoi.Domain.Trends;

/// <summary>The α every test in this folder takes: the accepted chance of calling noise a finding.</summary>
internal static class SignificanceLevel
{
    /// <summary>Refuses an α outside (0, 1), where neither a p-value comparison nor an interval means anything.</summary>
    public static void Require(double alpha)
    {
        if (!(alpha > 0 && alpha < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "alpha must lie strictly between 0 and 1.");
        }
    }
}
