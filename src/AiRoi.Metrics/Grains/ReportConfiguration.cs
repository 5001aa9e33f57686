using AiRoi.Domain.Annotations;
using AiRoi.Domain.Baselines;
using AiRoi.Domain.Reports;
using AiRoi.Domain.Roi;
using AiRoi.Domain.Rollups;
using AiRoi.Domain.UseCases;
using AiRoi.Metrics.Annotations;
using AiRoi.Metrics.Baselines;
using AiRoi.Metrics.Experiments;

namespace AiRoi.Metrics.Grains;

/// <summary>
/// What a use case's reports rest on besides its events, as its grain holds it: the current baseline of each
/// metric, the annotations by date, and the conversion lift of the experiment it shipped. Every change is stored
/// first and then held, so memory never runs ahead of the database.
/// </summary>
public sealed class ReportConfiguration
{
    private readonly string useCaseId;
    private readonly BaselineStore baselineStore;
    private readonly AnnotationStore annotationStore;
    private readonly ExperimentLiftStore liftStore;
    private Dictionary<string, BaselineVersion> baselines = [];
    private List<Annotation> annotations = [];
    private ConversionLiftEvidence? experimentLift;

    private ReportConfiguration(string useCaseId, BaselineStore baselineStore, AnnotationStore annotationStore, ExperimentLiftStore liftStore)
    {
        this.useCaseId = useCaseId;
        this.baselineStore = baselineStore;
        this.annotationStore = annotationStore;
        this.liftStore = liftStore;
    }

    /// <summary>The annotations, by date.</summary>
    public IReadOnlyList<Annotation> Annotations => annotations;

    /// <summary>Reads a use case's configuration.</summary>
    public static async Task<ReportConfiguration> LoadAsync(
        string useCaseId, BaselineStore baselineStore, AnnotationStore annotationStore, ExperimentLiftStore liftStore, CancellationToken cancellationToken) =>
        new(useCaseId, baselineStore, annotationStore, liftStore)
        {
            baselines = await baselineStore.ReadCurrentAsync(useCaseId, cancellationToken),
            annotations = await annotationStore.ReadAsync(useCaseId, cancellationToken),
            experimentLift = await liftStore.ReadCurrentAsync(useCaseId, cancellationToken),
        };

    /// <summary>The reports of <paramref name="useCase"/> over <paramref name="rollup"/> with this configuration.</summary>
    public UseCaseReports ReportsOf(UseCase useCase, UseCaseRollup rollup, IReadOnlyDictionary<string, long> unpricedTokensByModel) =>
        new(useCase, rollup, baselines, annotations) { ExperimentLift = experimentLift, UnpricedTokensByModel = unpricedTokensByModel };

    /// <summary>Stores a new baseline version, which becomes its metric's current one.</summary>
    public async Task<BaselineVersion> AddBaselineAsync(BaselineVersion draft)
    {
        var stored = await baselineStore.InsertAsync(useCaseId, draft, CancellationToken.None);
        baselines[stored.MetricKey] = stored;
        return stored;
    }

    /// <summary>Stores an annotation (its id and time are assigned).</summary>
    public async Task<Annotation> AddAnnotationAsync(Annotation draft)
    {
        var stored = await annotationStore.InsertAsync(useCaseId, draft, CancellationToken.None);
        annotations = [.. annotations.Append(stored).OrderBy(annotation => annotation.Date).ThenBy(annotation => annotation.Id)];
        return stored;
    }

    /// <summary>Removes an annotation; false when there is none with the id.</summary>
    public async Task<bool> RemoveAnnotationAsync(long id)
    {
        var removed = await annotationStore.DeleteAsync(useCaseId, id, CancellationToken.None);
        annotations.RemoveAll(annotation => annotation.Id == id);
        return removed;
    }

    /// <summary>Re-reads the shipped experiment's lift after a conclusion was recorded; answers it.</summary>
    public async Task<ConversionLiftEvidence?> ReloadExperimentLiftAsync() =>
        experimentLift = await liftStore.ReadCurrentAsync(useCaseId, CancellationToken.None);
}
