using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Visitation.Messaging;
using Visitation.Messaging.Database;
using Visitation.Workflow.Audit;

namespace Visitation.Workflow.Retention;

/// <summary>
/// A service's retention job (docs/retention.md): finds, in its own records, applications closed
/// before the cutoff whose personal data is still there, and anonymises them in batches. Each batch
/// is one transaction with one <see cref="AuditEvent.PersonalDataAnonymised"/> row per application,
/// by the system: the data goes and its record is written together, or neither. One instance works
/// at a time (a transaction-scoped advisory lock; another instance finds it taken and leaves the
/// turn), and an application already anonymised is never selected again, so running twice changes nothing.
/// </summary>
public abstract class RetentionWork<TContext>(TContext db, TimeProvider clock, IOptions<RetentionOptions> options) : IPeriodicWork
    where TContext : ServiceDbContext
{
    /// <summary>The advisory lock of the retention job, in every service database (apart from the outbox's and the audit's keys).</summary>
    private const long LockKey = 0x5245_5445_4E54; // "RETENT"

    protected TContext Db { get; } = db;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var cutoff = new RetentionCutoff(clock.GetUtcNow() - options.Value.AnonymiseAfter);
        int anonymised;
        do
        {
            anonymised = await RunBatchAsync(cutoff, cancellationToken);
        }
        while (anonymised > 0);
    }

    /// <summary>
    /// Anonymises up to <paramref name="batchSize"/> closed applications (changes tracked or executed
    /// on <see cref="Db"/> in the open transaction) and names them with the organisation each belongs to,
    /// so the audit row reaches that organisation's audit administrators; none when all are done.
    /// </summary>
    protected abstract Task<IReadOnlyCollection<AuditedRecord>> AnonymiseBatchAsync(RetentionCutoff cutoff, int batchSize, CancellationToken ct);

    private async Task<int> RunBatchAsync(RetentionCutoff cutoff, CancellationToken ct)
    {
        await using var transaction = await Db.Database.BeginTransactionAsync(ct);
        if (!await Db.Database.SqlQuery<bool>($"SELECT pg_try_advisory_xact_lock({LockKey}) AS \"Value\"").SingleAsync(ct))
        {
            return 0;
        }

        var applications = await AnonymiseBatchAsync(cutoff, options.Value.BatchSize, ct);
        foreach (var application in applications)
        {
            Db.AuditSystem(AuditEvent.PersonalDataAnonymised, application, outcome: "anonymised");
        }

        await Db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        Db.ChangeTracker.Clear();
        return applications.Count;
    }
}
