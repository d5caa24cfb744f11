using System.Security.Cryptography;
using System.Text;

namespace Visitation.Messaging.Audit;

/// <summary>
/// Makes the event the audit relay publishes for one row. This library knows no contracts, so the
/// event type comes from the layer that does (<c>AuditRecordedEvents</c> in the workflow library).
/// </summary>
public interface IAuditEventFactory
{
    object Create(string service, AuditRow row);
}

public static class AuditEventIds
{
    /// <summary>
    /// The same message id every time the same row is published: a row relayed again after a crash
    /// (published, cursor not yet committed) is a duplicate the store's inbox recognises at once.
    /// </summary>
    public static Guid Of(string service, string chain, long seq)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"audit|{service}|{chain}|{seq}"));
        return new Guid(hash.AsSpan(0, 16));
    }
}
