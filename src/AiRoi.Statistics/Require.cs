namespace AiRoi.Statistics;

/// <summary>Input rules shared by every entry point; each failure names its field.</summary>
internal static class Require
{
    public static double Finite(double value, string field)
    {
        if (!double.IsFinite(value))
        {
            throw new StatisticsInputException(field, InputProblem.NotFinite, $"{field} must be a finite number, got {value}.");
        }

        return value;
    }

    public static double NonNegative(double value, string field)
    {
        Finite(value, field);
        if (value < 0)
        {
            throw new StatisticsInputException(field, InputProblem.OutOfRange, $"{field} must not be negative, got {value}.");
        }

        return value;
    }

    public static double Positive(double value, string field)
    {
        Finite(value, field);
        if (value <= 0)
        {
            throw new StatisticsInputException(field, InputProblem.OutOfRange, $"{field} must be greater than zero, got {value}.");
        }

        return value;
    }

    /// <summary>Open interval (0, 1): used for alpha, power and probabilities that must be neither certain nor impossible.</summary>
    public static double StrictProbability(double value, string field)
    {
        Finite(value, field);
        if (value <= 0 || value >= 1)
        {
            throw new StatisticsInputException(field, InputProblem.OutOfRange, $"{field} must lie strictly between 0 and 1, got {value}.");
        }

        return value;
    }

    public static void Units(long n, string field)
    {
        if (n < 2)
        {
            throw new StatisticsInputException(field, InputProblem.TooFewUnits, $"{field} must be at least 2 (a sample variance needs two units), got {n}.");
        }
        if (n > SampleStatistic.MaxUnits)
        {
            throw new StatisticsInputException(field, InputProblem.OutOfRange, $"{field} must be at most {SampleStatistic.MaxUnits:N0}, got {n:N0}.");
        }
    }

    public static T NotNull<T>(T? value, string field)
        where T : class =>
        value ?? throw new StatisticsInputException(field, InputProblem.OutOfRange, $"{field} is required.");
}
