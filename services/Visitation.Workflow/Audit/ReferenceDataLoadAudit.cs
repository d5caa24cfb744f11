using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Visitation.Messaging.Audit;
using Visitation.Messaging.Database;
using Visitation.Workflow.ReferenceData;

namespace Visitation.Workflow.Audit;

/// <summary>
/// Records what reference data and policies a service started on: a system row
/// (<see cref="AuditEvent.ReferenceDataLoaded"/>, <see cref="AuditEvent.PolicyLoaded"/>) whose record
/// id is the loaded files' fingerprint, written only when that fingerprint differs from the one the
/// service's audit last recorded for the same kind of load. A restart (or a second instance) on the
/// same files writes nothing; a deployment of changed files writes one row per changed part.
/// Runs once the host has started (<see cref="IHostedLifecycleService.StartedAsync"/>), so after the
/// migrations that create the audit table. The audit is the service's <see cref="ServiceDbContext"/>,
/// or the <see cref="IAuditedContext"/> a service registers whose context derives from another base
/// (the identity service's <c>IdentityDb</c>); a host with neither records nothing here.
/// </summary>
public sealed class ReferenceDataLoadAudit(IServiceProvider services, LoadedReferenceData loaded) : IHostedLifecycleService
{
    public const string ReferenceDataRecord = "reference_data";
    public const string PolicyRecord = "policies";
    public const string Loaded = "loaded";

    public async Task StartedAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        if ((scope.ServiceProvider.GetService<ServiceDbContext>() ?? scope.ServiceProvider.GetService<IAuditedContext>()) is not DbContext db)
        {
            return;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // The audit's own lock, held to the commit: two instances starting together cannot both find
        // the fingerprint new (the insert's trigger takes the same lock, so nothing else changes).
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({AuditLock.Key})", cancellationToken);
        await RecordIfNewAsync(db, AuditEvent.ReferenceDataLoaded, ReferenceDataRecord, loaded.ReferenceDataFingerprint, cancellationToken);
        await RecordIfNewAsync(db, AuditEvent.PolicyLoaded, PolicyRecord, loaded.PolicyFingerprint, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task RecordIfNewAsync(DbContext db, AuditEvent what, string recordType, string fingerprint, CancellationToken ct)
    {
        var eventType = what.ToString();
        var last = await db.Database
            .SqlQuery<string>($"SELECT record_id AS \"Value\" FROM audit_log WHERE event_type = {eventType} ORDER BY seq DESC LIMIT 1")
            .ToListAsync(ct);
        if (last is not [var recorded] || recorded != fingerprint)
        {
            // The files are every organisation's: the load belongs to none (it stays in the service's own audit).
            ((IAuditedContext)db).AuditSystem(what, new AuditedRecord(recordType, fingerprint, Owner: null), outcome: Loaded);
        }
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
