namespace AiRoi.Statistics;

/// <summary>
/// The single entry point of the statistics engine: validates a request, compares every treatment with control
/// by the chosen method and checks the traffic split. The Experiments service's HTTP API maps onto it.
/// </summary>
public static class ExperimentAnalyzer
{
    /// <summary>Analyses one metric of one experiment.</summary>
    /// <exception cref="StatisticsInputException">
    /// An input is invalid; <see cref="StatisticsInputException.Field"/> names it (e.g. <c>variants[1].conversions</c>).
    /// </exception>
    public static AnalysisResult Analyze(AnalysisRequest request)
    {
        Require.NotNull(request, "request");
        var variants = Require.NotNull(request.Variants, "variants");
        ValidateOptions(request);
        if (variants.Count < 2)
        {
            throw new StatisticsInputException(
                "variants", InputProblem.TooFewVariants, $"An analysis needs control and at least one treatment, got {variants.Count} variant(s).");
        }

        for (var i = 0; i < variants.Count; i++)
        {
            Require.NotNull(variants[i], $"variants[{i}]");
        }

        var weights = request.ExpectedWeights ?? Weights.Equal(variants.Count);
        Weights.RequireValid(weights, "expectedWeights");
        if (weights.Count != variants.Count)
        {
            throw new StatisticsInputException(
                "expectedWeights", InputProblem.LengthMismatch, $"There are {variants.Count} variants but {weights.Count} expected weights.");
        }

        var control = variants[0];
        var treatments = new List<TreatmentResult>(variants.Count - 1);
        for (var i = 1; i < variants.Count; i++)
        {
            var effect = EffectMoments.Between(control, variants[i], request.Difference, "variants[0]", $"variants[{i}]");
            treatments.Add(new TreatmentResult(i, effect, Infer(effect, request)));
        }

        var sampleRatio = SampleRatioMismatch.Check(variants.Select(v => v.N).ToArray(), weights);
        return new AnalysisResult(treatments, sampleRatio);
    }

    private static LiftEstimate Infer(EffectMoments effect, AnalysisRequest request) => request.Method switch
    {
        AnalysisMethod.Frequentist => FrequentistTest.Analyze(effect, request.Alpha, request.RelativeInterval),
        AnalysisMethod.Sequential => SequentialTest.Analyze(effect, request.Alpha, request.SequentialTuning),
        AnalysisMethod.Bayesian => BayesianTest.Analyze(effect, request.Alpha, request.Prior, request.Direction),
        _ => throw new StatisticsInputException("method", InputProblem.OutOfRange, $"Unknown method {request.Method}."),
    };

    /// <summary>Checks the options before any arithmetic, so a bad option is reported even when the data are fine.</summary>
    private static void ValidateOptions(AnalysisRequest request)
    {
        if (!Enum.IsDefined(request.Method))
        {
            throw new StatisticsInputException("method", InputProblem.OutOfRange, $"Unknown method {request.Method}.");
        }

        if (!Enum.IsDefined(request.Difference))
        {
            throw new StatisticsInputException("difference", InputProblem.OutOfRange, $"Unknown difference {request.Difference}.");
        }

        if (!Enum.IsDefined(request.RelativeInterval))
        {
            throw new StatisticsInputException("relativeInterval", InputProblem.OutOfRange, $"Unknown relative interval {request.RelativeInterval}.");
        }

        if (!Enum.IsDefined(request.Direction))
        {
            throw new StatisticsInputException("direction", InputProblem.OutOfRange, $"Unknown direction {request.Direction}.");
        }

        Require.StrictProbability(request.Alpha, "alpha");
        if (request.Alpha < AnalysisRequest.MinimumAlpha || request.Alpha > AnalysisRequest.MaximumAlpha)
        {
            throw new StatisticsInputException(
                "alpha", InputProblem.OutOfRange,
                $"alpha must lie between {AnalysisRequest.MinimumAlpha} and {AnalysisRequest.MaximumAlpha}, got {request.Alpha}.");
        }
        Require.Positive(request.SequentialTuning, "sequentialTuning");
        if (request.Prior is not null && request.Method != AnalysisMethod.Bayesian)
        {
            throw new StatisticsInputException(
                "prior", InputProblem.NotApplicable, $"A prior applies only to the Bayesian method, not to {request.Method}.");
        }
    }
}
