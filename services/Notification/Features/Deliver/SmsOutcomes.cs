using Visitation.Workflow.Metrics;
using Visitation.Contracts.Events;
using Visitation.Notification.Data;
using Visitation.Notification.Features.Deliver.Providers;
using Visitation.Rules.Privacy;

namespace Visitation.Notification.Features.Deliver;

/// <summary>
/// What a provider said of an attempt — its answer to the send, a query after a crash, a receipt —
/// applied to the SMS and the attempt, with the event the rest of the system hears (SmsSent,
/// SmsDelivered, SmsFailed) in the same transaction. Each step happens once: a receipt for an SMS
/// already delivered or failed changes nothing.
/// </summary>
internal static class SmsOutcomes
{
    public static void ApplySend(NotificationDbContext db, SmsMessage sms, SmsAttempt attempt, SendResult result, SmsDeliveryOptions options, DateTimeOffset now)
    {
        switch (result.Outcome)
        {
            case SendOutcome.Accepted:
                attempt.Settle(SmsAttemptOutcome.Accepted, result.ProviderMessageId, null, now);
                Submitted(db, sms, result.ProviderMessageId, options, now);
                break;
            case SendOutcome.Throttled:
                attempt.Settle(SmsAttemptOutcome.Throttled, null, result.ProviderCode, now);
                sms.Defer(now + options.ThrottledWait, $"throttled by the provider ({result.ProviderCode})");
                break;
            case SendOutcome.PermanentFailure:
                attempt.Settle(SmsAttemptOutcome.PermanentFailure, null, result.ProviderCode, now);
                Fail(db, sms, result.Reason ?? SmsFailureReason.WrongNumber, result.ProviderCode, now);
                break;
            default:
                attempt.Settle(SmsAttemptOutcome.TemporaryFailure, null, result.ProviderCode, now);
                FailTemporarily(db, sms, result.ProviderCode, options, now);
                break;
        }
    }

    /// <summary>A report of the attempt from the provider: a query's answer or a receipt.</summary>
    public static void ApplyReport(NotificationDbContext db, SmsMessage sms, SmsAttempt attempt, DeliveryReport report, SmsDeliveryOptions options, DateTimeOffset now)
    {
        if (sms.Status is SmsStatus.Delivered or SmsStatus.Failed || attempt.Outcome is SmsAttemptOutcome.NeverArrived)
        {
            return; // settled already: a second receipt, or one for an attempt long superseded
        }

        if (report.Outcome is DeliveryOutcome.Unknown)
        {
            return; // the provider cannot tell yet (Tencent's receipt window): ask again later, never settle on it
        }

        if (report.Outcome is DeliveryOutcome.NotFound)
        {
            if (sms.Status is SmsStatus.Sending && attempt.Outcome is SmsAttemptOutcome.Unknown)
            {
                attempt.Settle(SmsAttemptOutcome.NeverArrived, null, null, now);
                sms.Defer(now, "the provider never received the last attempt");
            }

            return;
        }

        if (sms.Status is SmsStatus.Sending && attempt.Outcome is SmsAttemptOutcome.Unknown)
        {
            // The crash came after the provider took it: it counts as sent, and is never sent again.
            attempt.Settle(SmsAttemptOutcome.Accepted, report.ProviderMessageId, null, now);
            Submitted(db, sms, report.ProviderMessageId, options, now);
        }

        if (sms.Status is not SmsStatus.Submitted || sms.Attempts != attempt.Number)
        {
            return;
        }

        switch (report.Outcome)
        {
            case DeliveryOutcome.Delivered:
                // When we learnt it, on our clock, as every other step of the timeline: the provider's clock is not ours.
                sms.Delivered(now);
                WorkflowMetrics.SmsOutcome(sms.Kind, "delivered");
                db.Publish(new SmsDelivered(sms.ApplicationId, sms.Id, sms.Kind, Mask.Phone(sms.Phone), sms.DeliveredAt!.Value), now);
                break;
            case DeliveryOutcome.FailedPermanently:
                Fail(db, sms, report.Reason ?? SmsFailureReason.WrongNumber, report.ProviderCode, now);
                break;
            case DeliveryOutcome.FailedTemporarily:
                FailTemporarily(db, sms, report.ProviderCode, options, now);
                break;
        }
    }

    private static void Submitted(NotificationDbContext db, SmsMessage sms, string? providerMessageId, SmsDeliveryOptions options, DateTimeOffset now)
    {
        sms.Submitted(providerMessageId, now, now + options.ReceiptWait);
        WorkflowMetrics.SmsOutcome(sms.Kind, "submitted");
        db.Publish(new SmsSent(sms.ApplicationId, sms.Id, sms.Kind, Mask.Phone(sms.Phone), sms.Text, now), now);
    }

    private static void FailTemporarily(NotificationDbContext db, SmsMessage sms, string? providerCode, SmsDeliveryOptions options, DateTimeOffset now)
    {
        if (sms.FailedTemporarily(providerCode, now, options.MaxAttempts))
        {
            db.Publish(Failed(sms, now), now);
        }
    }

    private static void Fail(NotificationDbContext db, SmsMessage sms, SmsFailureReason reason, string? providerCode, DateTimeOffset now)
    {
        sms.Fail(reason, providerCode, now);
        db.Publish(Failed(sms, now), now);
    }

    private static SmsFailed Failed(SmsMessage sms, DateTimeOffset now)
    {
        WorkflowMetrics.SmsOutcome(sms.Kind, (sms.FailureReason ?? SmsFailureReason.OutOfRetries).ToString());
        return Build(sms, now);
    }

    private static SmsFailed Build(SmsMessage sms, DateTimeOffset now) =>
        new(sms.ApplicationId, sms.Id, sms.Kind, Mask.Phone(sms.Phone), sms.FailureReason ?? SmsFailureReason.OutOfRetries, sms.ProviderCode, now);
}
