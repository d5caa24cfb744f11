using Google.Protobuf.WellKnownTypes;
using Visitation.Contracts.Grpc.Notification;
using Visitation.Notification.Data;
using Visitation.Rules.Privacy;
using Visitation.Workflow.Grpc;
using StoredKind = Visitation.Rules.Sms.SmsKind;
using WireKind = Visitation.Contracts.Grpc.Notification.SmsKind;

namespace Visitation.Notification.Features.ListMessages;

/// <summary>
/// A stored SMS as the API shows it: kind and state become the proto's enums of the same names
/// here, at the edge; the phone number leaves only masked.
/// </summary>
public static class SmsViews
{
    public static SmsView ToView(SmsMessage message) => new()
    {
        MessageId = message.Id.ToString(),
        Kind = System.Enum.TryParse<StoredKind>(message.Kind, out var kind) ? ProtoNames.Map<StoredKind, WireKind>(kind) : WireKind.Unspecified,
        PhoneMasked = Mask.Phone(message.Phone),
        Text = message.Text,
        Status = ProtoNames.Map<SmsStatus, SmsDeliveryState>(message.Status),
        CreatedAt = Instants.Of(message.CreatedAt),
        SentAt = Instants.Of(message.SentAt),
        Attempts = message.Attempts,
        DeliveredAt = Instants.Of(message.DeliveredAt),
        FailureReason = message.FailureReason is { } reason ? ProtoNames.Map<Visitation.Contracts.Events.SmsFailureReason, SmsFailureReason>(reason) : SmsFailureReason.Unspecified,
        ProviderCode = message.ProviderCode ?? string.Empty,
        NextAttemptAt = message.Status == SmsStatus.Queued ? Instants.Of(message.NextAttemptAt) : null,
    };
}
