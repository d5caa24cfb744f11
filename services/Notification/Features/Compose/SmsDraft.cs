using Visitation.Rules.Sms;

namespace Visitation.Notification.Features.Compose;

/// <summary>Which SMS an event calls for: its template, the values it names, and the outcome it reports.</summary>
public sealed record SmsDraft(Guid ApplicationId, SmsKind Kind, string DedupKey, IReadOnlyDictionary<string, string> Values);
