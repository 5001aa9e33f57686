namespace AiRoi.Stack.Tests;

/// <summary>
/// A second whole stack, scaled out: two metrics silos in one Orleans cluster (membership in PostgreSQL), two
/// ingestion nodes finding them through the membership table, and two experiment services on the same quorum queues.
/// Failure detection is tuned so a killed silo is declared dead within seconds (production keeps Orleans' defaults).
/// </summary>
public sealed class ScaleOutStackFixture : StackFixture
{
    public override int Replicas => 2;

    protected override IEnumerable<string> Settings =>
    [
        // A silo missing two probes of one second is suspected; one vote declares it dead (two silos).
        "--Orleans:Membership:ProbeTimeout=00:00:01",
        "--Orleans:Membership:NumMissedProbesLimit=2",
        "--Orleans:Membership:NumVotesForDeathDeclaration=1",
    ];
}

[CollectionDefinition(Name)]
public sealed class ScaleOutStackCollection : ICollectionFixture<ScaleOutStackFixture>
{
    public const string Name = "Scaled-out stack";
}
