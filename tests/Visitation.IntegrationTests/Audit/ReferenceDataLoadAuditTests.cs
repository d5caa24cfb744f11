using Visitation.BureauReview;
using Visitation.IntegrationTests.Infrastructure;
using Visitation.Messaging.Audit;
using Visitation.Workflow.ReferenceData;

namespace Visitation.IntegrationTests.Audit;

/// <summary>
/// Each service records the reference data and the policies it started on, by their files'
/// fingerprints, once per content: a restart on the same files writes nothing, a deployment that
/// changes one part writes one row for that part.
/// </summary>
public sealed class ReferenceDataLoadAuditTests(VisitationSystem system)
{
    private const string Service = "bureau_review"; // any service: the load and its audit are the shared start-up's
    private static readonly string[] Loads = ["ReferenceDataLoaded", "PolicyLoaded"];

    private string RunFolder => system.SettingsOf(Service)["ReferenceData:Path"];

    [Fact]
    public async Task EveryServiceRecordsTheReferenceDataAndPoliciesItStartedOnAsASystemLoad()
    {
        var run = ReferenceDataLoader.ReadFrom(RunFolder);

        foreach (var service in VisitationSystem.ServiceNames)
        {
            var rows = await AuditRows.AllAsync(system.Databases[service]);
            Assert.Contains(rows, row => IsLoad(row, "ReferenceDataLoaded", "reference_data", run.ReferenceDataFingerprint));
            Assert.Contains(rows, row => IsLoad(row, "PolicyLoaded", "policies", run.PolicyFingerprint));
        }
    }

    [Fact]
    public async Task ARestartOnTheSameFilesRecordsNothingAndAChangedPartRecordsOneLoadOfItsKind()
    {
        var database = system.Databases[Service];
        var run = ReferenceDataLoader.ReadFrom(RunFolder);
        // Only this test starts the service on other files, and it ends on the run's: the last loads are the run's.
        var before = await LoadsAsync(database);
        Assert.Equal(run.ReferenceDataFingerprint, before.Last(row => row.EventType == "ReferenceDataLoaded").RecordId);
        Assert.Equal(run.PolicyFingerprint, before.Last(row => row.EventType == "PolicyLoaded").RecordId);

        await StartOnAsync(RunFolder); // a restart, or one more instance, on the same files
        var afterRestart = await LoadsAsync(database);
        var organisations = ReferenceDataFolder.Copy(RunFolder);
        var policies = ReferenceDataFolder.Copy(RunFolder);
        try
        {
            // Changed bytes, the same meaning: the load is recorded by what was deployed, and nothing changes for the running system.
            await File.AppendAllTextAsync(Path.Combine(organisations, "organisations.json"), "\n");
            await StartOnAsync(organisations);
            var organisationsLoad = Assert.Single(await NewLoadsAsync(database, afterRestart));
            Directory.Delete(policies, recursive: true);
            ReferenceDataFolder.Copy(organisations, policies);
            await File.AppendAllTextAsync(Path.Combine(policies, "policies", "shanxi.json"), "\n");
            await StartOnAsync(policies);
            var policyLoad = Assert.Single(await NewLoadsAsync(database, [.. afterRestart, organisationsLoad]));
            await StartOnAsync(RunFolder);
            var backToTheRun = await NewLoadsAsync(database, [.. afterRestart, organisationsLoad, policyLoad]);

            Assert.Equal(before, afterRestart);
            Assert.True(IsLoad(organisationsLoad, "ReferenceDataLoaded", "reference_data", ReferenceDataLoader.ReadFrom(organisations).ReferenceDataFingerprint));
            Assert.NotEqual(run.ReferenceDataFingerprint, organisationsLoad.RecordId);
            Assert.True(IsLoad(policyLoad, "PolicyLoaded", "policies", ReferenceDataLoader.ReadFrom(policies).PolicyFingerprint));
            Assert.NotEqual(run.PolicyFingerprint, policyLoad.RecordId);
            Assert.Equal([("ReferenceDataLoaded", run.ReferenceDataFingerprint), ("PolicyLoaded", run.PolicyFingerprint)],
                backToTheRun.Select(row => (row.EventType, row.RecordId)));
        }
        finally
        {
            Directory.Delete(organisations, recursive: true);
            Directory.Delete(policies, recursive: true);
        }
    }

    /// <summary>Starts one more instance of the service on these files, lets its start-up finish and stops it.</summary>
    private async Task StartOnAsync(string folder)
    {
        var settings = new Dictionary<string, string>(system.SettingsOf(Service)) { ["ReferenceData:Path"] = folder };
        await using var deployed = new ServiceHost<BureauReviewGrpcService>(settings, system.Clock);
        _ = deployed.Server; // returns once the host (its bus included, see BusStartup) has started, the load's audit with it
    }

    private static async Task<List<AuditRow>> LoadsAsync(string database) =>
        [.. (await AuditRows.AllAsync(database)).Where(row => Loads.Contains(row.EventType))];

    private static async Task<List<AuditRow>> NewLoadsAsync(string database, IReadOnlyCollection<AuditRow> seen) =>
        [.. (await LoadsAsync(database)).Where(row => row.Seq > seen.Max(s => s.Seq))];

    private static bool IsLoad(AuditRow row, string eventType, string recordType, string fingerprint) =>
        row.EventType == eventType && row.RecordType == recordType && row.RecordId == fingerprint
        && row.ActorUserId == AuditActor.SystemName && row.ActorRole == AuditActor.SystemName && row.Chain == AuditChain.Changes.Name()
        && row.Outcome == "loaded" && fingerprint.StartsWith("sha256:", StringComparison.Ordinal) && fingerprint.Length == "sha256:".Length + 16;
}
