using Microsoft.Extensions.DependencyInjection;
using Visitation.Identity.Tests.Infrastructure;
using Visitation.Messaging.Audit;
using Visitation.Workflow.Audit;
using Visitation.Workflow.ReferenceData;

namespace Visitation.Identity.Tests.Audit;

/// <summary>
/// The identity service records the reference data it started on, as the chain services do
/// (docs/audit.md, "Loads"): one system row per fingerprint, none for a second start on the same files.
/// </summary>
public sealed class ReferenceDataLoadAuditTests(IdentityHost identity)
{
    [Fact]
    public async Task TheIdentityServiceRecordsTheReferenceDataItStartedOnOnceAndASecondInstanceOnTheSameFilesRecordsNothing()
    {
        var loaded = identity.Services.GetRequiredService<LoadedReferenceData>();

        await using (var second = identity.WithWebHostBuilder(_ => { }))
        {
            _ = second.Server; // started: its load audit has run
        }

        var loads = (await identity.AllAuditRowsAsync()).Where(row => row.EventType == nameof(AuditEvent.ReferenceDataLoaded)).ToList();
        var row = Assert.Single(loads);
        Assert.Equal((ReferenceDataLoadAudit.ReferenceDataRecord, loaded.ReferenceDataFingerprint, ReferenceDataLoadAudit.Loaded), (row.RecordType, row.RecordId, row.Outcome));
        Assert.Equal((AuditActor.SystemName, AuditActor.SystemName, AuditActor.SystemName), (row.ActorUserId, row.ActorRole, row.ActorOrganisation));
        Assert.Null(row.OwnerOrganisation);
        Assert.Null(await identity.VerifyAuditAsync());
    }
}
