using System.Security.Cryptography;
using System.Text;

namespace Visitation.Messaging.Audit;

/// <summary>
/// Makes the event the audit relay publishes for consecutive rows of one chain. This library knows no
/// contracts, so the event type comes from the layer that does (<c>AuditRecordedEvents</c> in the workflow library).
/// </summary>
public interface IAuditEventFactory
{
    object Create(string service, AuditChain chain, IReadOnlyList<AuditRow> rows);
}

public static class AuditEventIds
{
    /// <summary>
    /// The same message id every time the same run of rows (<paramref name="firstSeq"/> to
    /// <paramref name="lastSeq"/>) is published: rows relayed again after a crash (published, cursor
    /// not yet committed) are a duplicate the store's inbox recognises at once. A run made longer by
    /// rows committed since is a new delivery, and the store keeps each row once by its key.
    /// </summary>
    public static Guid Of(string service, string chain, long firstSeq, long lastSeq) =>
        new(SHA256.HashData(Encoding.UTF8.GetBytes($"audit|{service}|{chain}|{firstSeq}-{lastSeq}")).AsSpan(0, 16));
}
