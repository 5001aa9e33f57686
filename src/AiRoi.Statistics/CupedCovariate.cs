namespace AiRoi.Statistics;

/// <summary>
/// The same metric measured on the same units before the experiment started. CUPED subtracts the part of the
/// outcome this covariate predicts, which narrows intervals without biasing the lift (assignment is independent
/// of the pre-period).
/// </summary>
/// <param name="PreSum">Sum of the pre-period values.</param>
/// <param name="PreSumSquares">Sum of the squared pre-period values.</param>
/// <param name="SumProducts">Sum over units of (metric value × pre-period value).</param>
public sealed record CupedCovariate(double PreSum, double PreSumSquares, double SumProducts);
