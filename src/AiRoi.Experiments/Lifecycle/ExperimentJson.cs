using AiRoi.Domain;
using System.Text.Json;
using AiRoi.Contracts;
using AiRoi.Domain.Experiments;

namespace AiRoi.Experiments.Lifecycle;

/// <summary>The one JSON form of experiments: <see cref="WireJson"/> on the API and in <c>experiments.experiments.document</c>.</summary>
public static class ExperimentJson
{
    /// <summary>The stored document. The periodic analysis is kept in its own table, so it is left out here.</summary>
    public static string Serialize(Experiment experiment) => JsonSerializer.Serialize(experiment with { Analysis = null }, WireJson.Options);

    /// <summary>Reads a stored document.</summary>
    public static Experiment Deserialize(string json) =>
        JsonSerializer.Deserialize<Experiment>(json, WireJson.Options) ?? throw new JsonException("An experiment must be a JSON object.");
}
