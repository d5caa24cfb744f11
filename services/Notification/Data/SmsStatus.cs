namespace Visitation.Notification.Data;

/// <summary>
/// Where an SMS is on its way: queued → sending → submitted → delivered | failed. Stored by name,
/// which the dispatcher's SQL reads. The API's twin is the proto <c>SmsDeliveryState</c> with the same names.
/// </summary>
public enum SmsStatus
{
    /// <summary>Waiting to be sent: new, deferred (limits, quiet hours, throttling) or to be retried.</summary>
    Queued,

    /// <summary>An attempt is recorded and the provider is being called; if the outcome was never recorded, it is reconciled by asking the provider before any resend.</summary>
    Sending,

    /// <summary>The provider accepted it; the handset's receipt has not come yet.</summary>
    Submitted,

    /// <summary>The provider's receipt says it reached the handset.</summary>
    Delivered,

    /// <summary>It will not reach the family this way; the office is told (SmsFailed).</summary>
    Failed,
}
