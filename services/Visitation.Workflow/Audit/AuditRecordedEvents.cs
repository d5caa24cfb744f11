using Microsoft.AspNetCore.Builder;
using Visitation.Contracts.Events;
using Visitation.Messaging.Audit;

namespace Visitation.Workflow.Audit;

/// <summary>Audit rows as the <see cref="AuditRowsRecorded"/> event the audit store consumes (docs/audit-store.md).</summary>
public sealed class AuditRecordedEvents : IAuditEventFactory
{
    public object Create(string service, AuditChain chain, IReadOnlyList<AuditRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return new AuditRowsRecorded(service, chain.Name(), rows.Select(row => Of(service, row)).ToList());
    }

    public static AuditRecorded Of(string service, AuditRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new AuditRecorded(
            service, row.Chain, row.Seq, row.RecordedAt, row.ActorUserId, row.ActorRole, row.ActorOrganisation, row.ActorClientId,
            row.EventType, row.RecordType, row.RecordId, row.ReasonCode, row.Purpose, row.Outcome, row.TraceId, row.PreviousHash, row.RowHash,
            row.OwnerOrganisation);
    }
}

public static class AuditRelayExtensions
{
    /// <summary>
    /// Every service's audit goes to the audit store: its rows relayed, in order and confirmed,
    /// as <see cref="AuditRowsRecorded"/> events over the service's bus. Call beside <c>AddServiceMessaging</c>.
    /// </summary>
    public static WebApplicationBuilder AddAuditRelay(this WebApplicationBuilder builder, string serviceName) =>
        builder.AddAuditRelay<AuditRecordedEvents>(serviceName);
}
