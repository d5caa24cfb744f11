using Visitation.AuditStore.Data;
using Visitation.Contracts.Events;
using Visitation.Messaging;

namespace Visitation.AuditStore.Features.Record;

/// <summary>A relay round's rows of one chain, kept in one transaction (<see cref="ChainArrival"/>).</summary>
public sealed class AuditRowsRecordedConsumer(AuditStoreDbContext db, TimeProvider clock) : InboxConsumer<AuditRowsRecorded, AuditStoreDbContext>(db, clock)
{
    protected override Task HandleAsync(AuditRowsRecorded message, CancellationToken cancellationToken) =>
        ChainArrival.KeepAsync(Db, message.Service, message.Chain, message.Rows, Clock.GetUtcNow(), cancellationToken);
}
