using System.Text.Json;
using System.Text.Json.Serialization;

namespace AiRoi.Client;

/// <summary>A batch of outcome events as the ingestion API takes it.</summary>
internal sealed record EventBatch(IReadOnlyList<Outcome> Events);

/// <summary>A running experiment as the client assigns it.</summary>
internal sealed record RunningExperimentWire(string Id, string UseCaseId, string Seed, int HashVersion, IReadOnlyList<VariantWeightWire> Variants, NamespaceWire? Namespace);

/// <summary>One variant and its share of the subjects.</summary>
internal sealed record VariantWeightWire(string Name, double Weight);

/// <summary>The slice of a namespace an experiment runs in.</summary>
internal sealed record NamespaceWire(string Id, double Start, double End);

/// <summary>The JSON the client reads and writes, generated at build time (no reflection, trimming-safe).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, UseStringEnumConverter = true)]
[JsonSerializable(typeof(EventBatch))]
[JsonSerializable(typeof(IReadOnlyList<RunningExperimentWire>))]
internal sealed partial class ClientJson : JsonSerializerContext;
