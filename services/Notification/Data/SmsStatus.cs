namespace Visitation.Notification.Data;

/// <summary>
/// Where an SMS is on its way; stored by name, which the dispatcher's SQL reads. The API's twin is
/// the proto <c>SmsDeliveryState</c> with the same names.
/// </summary>
public enum SmsStatus
{
    Queued,
    Sent,
    Failed,
}
