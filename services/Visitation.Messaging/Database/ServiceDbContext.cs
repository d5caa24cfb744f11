using Microsoft.EntityFrameworkCore;
using Visitation.Messaging;
using Visitation.Messaging.Audit;

namespace Visitation.Messaging.Database;

/// <summary>
/// Base of every service's DbContext: adds the outbox and inbox tables, so a state change and
/// the events it causes are saved by the same <c>SaveChanges</c>, in the same transaction.
/// </summary>
public abstract class ServiceDbContext : DbContext, IAuditedContext
{
    protected ServiceDbContext(DbContextOptions options)
        : base(options)
    {
        // EF Core would wrap every save inside a transaction in a savepoint (a SAVEPOINT and a RELEASE
        // sent to PostgreSQL each time), so that a failed save could be undone and the transaction
        // carried on. Nothing here carries on: a failed save ends its transaction (the inbox
        // consumer's attempt, the audited save's own, RetryOnConflictAsync's fresh retry), and every
        // consumed message and audited call saved inside a transaction paid for it.
        Database.AutoSavepointsEnabled = false;
    }

    /// <summary>
    /// The outbox, for the dispatcher and for reading. Rows are written by <see cref="Publish{TEvent}"/>
    /// only: added here, a row would skip the commit lock that puts the outbox in commit order.
    /// </summary>
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<InboxMessage> InboxMessages => Set<InboxMessage>();
    public DbSet<ScheduledMessage> ScheduledMessages => Set<ScheduledMessage>();

    public AuditBuffer PendingAudit { get; } = new();

    /// <summary>The events published and not yet committed, written to the outbox at the commit (<see cref="OutboxCommitInterceptor"/>).</summary>
    internal CommitRows<OutboxMessage> PendingOutbox { get; } = new();

    /// <summary>Set while a committing transaction has written outbox rows: its commit wakes the dispatcher.</summary>
    internal bool WroteOutboxRows { get; set; }

    /// <summary>
    /// Queues an event to be published once the current transaction commits — or, outside one, the next
    /// transaction started (a save's own, or a handler's), and dropped if that one does not commit. Its
    /// outbox row is written as the transaction's last statement, in the order of the calls.
    /// </summary>
    public OutboxMessage Publish<TEvent>(TEvent message, DateTimeOffset now) where TEvent : class
    {
        var row = OutboxMessage.Create(message, now);
        PendingOutbox.Add(this, row);
        return row;
    }

    /// <summary>
    /// Forgets everything an attempt tracked, published and audited, so that the context can serve a
    /// fresh attempt (a retried message, a command run again) or its next lease from the pool.
    /// </summary>
    public void ForgetPending()
    {
        ChangeTracker.Clear();
        ForgetCommitRows();
    }

    /// <inheritdoc />
    public void Audit(AuditEntry entry) => PendingAudit.Add(this, entry);

    /// <summary>
    /// Runs a command that reads, decides and saves; when its save loses a race for the same row
    /// (another write came first — often the system's own, such as an SMS step on the timeline) it
    /// forgets everything the attempt tracked, queued and audited, and runs the command again from a
    /// fresh read, so the command decides on what is there now instead of the caller being told to retry.
    /// </summary>
    public async Task<T> RetryOnConflictAsync<T>(Func<CancellationToken, Task<T>> command, CancellationToken cancellationToken, int attempts = 3)
    {
        ArgumentNullException.ThrowIfNull(command);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await command(cancellationToken);
            }
            catch (DbUpdateConcurrencyException) when (attempt < attempts)
            {
                ForgetPending();
            }
        }
    }

    /// <summary>
    /// The context is pooled: disposing it hands it back for the next scope, which EF Core resets (tracked
    /// entities, the transaction, the settings set in the constructor). What EF Core does not know of is
    /// dropped here: audit and outbox rows recorded but never committed.
    /// </summary>
    public override void Dispose()
    {
        ForgetCommitRows();
        base.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <inheritdoc cref="Dispose"/>
    public override async ValueTask DisposeAsync()
    {
        ForgetCommitRows();
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    private void ForgetCommitRows()
    {
        PendingAudit.Take();
        PendingOutbox.Take();
        WroteOutboxRows = false;
    }

    private bool WritesAtCommit => !PendingAudit.IsEmpty || !PendingOutbox.IsEmpty;

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default) =>
        CommitRows.SaveAsync(this, WritesAtCommit, ct => base.SaveChangesAsync(acceptAllChangesOnSuccess, ct), cancellationToken);

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        CommitRows.Save(this, WritesAtCommit, () => base.SaveChanges(acceptAllChangesOnSuccess));

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // PostgreSQL's timestamptz stores instants; Npgsql accepts only UTC offsets, while the
        // domain works in China time. Normalise on the way in; readers convert for display.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcConverter>();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<OutboxMessage>(outbox =>
        {
            outbox.ToTable("outbox_messages");
            outbox.HasKey(m => m.Id);
            outbox.Property(m => m.Id).UseIdentityAlwaysColumn();
            outbox.Property(m => m.MessageType).HasMaxLength(300);
            outbox.Property(m => m.Body).HasColumnType("jsonb");
            outbox.Property(m => m.TraceParent).HasMaxLength(100);
            outbox.HasIndex(m => m.MessageId).IsUnique();
            // The dispatcher only ever scans unsent rows in id order.
            outbox.HasIndex(m => m.Id).HasFilter("sent_at IS NULL").HasDatabaseName("ix_outbox_unsent");
        });
        modelBuilder.Entity<ScheduledMessage>(scheduled =>
        {
            scheduled.ToTable("scheduled_messages");
            scheduled.HasKey(m => m.Id);
            scheduled.Property(m => m.Id).UseIdentityAlwaysColumn();
            scheduled.Property(m => m.MessageType).HasMaxLength(300);
            scheduled.Property(m => m.Body).HasColumnType("jsonb");
            scheduled.Property(m => m.Destination).HasMaxLength(300);
            scheduled.HasIndex(m => m.DueAt).HasFilter("sent_at IS NULL").HasDatabaseName("ix_scheduled_due");
        });
        modelBuilder.Entity<InboxMessage>(inbox =>
        {
            inbox.ToTable("inbox_messages");
            inbox.HasKey(m => new { m.MessageId, m.Consumer });
            inbox.Property(m => m.Consumer).HasMaxLength(200);
        });
    }
}

internal sealed class UtcConverter() : Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<DateTimeOffset, DateTimeOffset>(
    value => value.ToUniversalTime(),
    value => value);
