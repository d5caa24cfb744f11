using Visitation.Rules.Sms;

namespace Visitation.Notification.Features.Compose;

/// <summary>
/// Which SMS an event calls for: its template, the values it names, and the outcome it reports; and
/// when the visit it is about starts, if it is about one (a change close to it is never held back).
/// </summary>
public sealed record SmsDraft(Guid ApplicationId, SmsKind Kind, string DedupKey, IReadOnlyDictionary<string, string> Values, DateTimeOffset? VisitStartsAt = null);
