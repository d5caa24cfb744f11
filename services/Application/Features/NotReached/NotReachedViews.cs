using Visitation.Contracts.Grpc.Application;
using Visitation.Workflow.Grpc;
using StoredKind = Visitation.Rules.Sms.SmsKind;
using StoredOutcome = Visitation.Application.Data.ContactOutcome;
using StoredReason = Visitation.Contracts.Events.SmsFailureReason;
using WireKind = Visitation.Contracts.Grpc.Notification.SmsKind;
using WireReason = Visitation.Contracts.Grpc.Notification.SmsFailureReason;

namespace Visitation.Application.Features.NotReached;

/// <summary>An entry of the list as the API shows it: the stored names become the proto's enums here, the phone stays masked.</summary>
public static class NotReachedViews
{
    public static FamilyNotReached ToView(Data.FamilyNotReached entry, string inmateName) => new()
    {
        EntryId = entry.Id.ToString(),
        ApplicationId = entry.ApplicationId.ToString(),
        InmateName = inmateName,
        SmsKind = Enum.TryParse<StoredKind>(entry.SmsKind, out var kind) ? ProtoNames.Map<StoredKind, WireKind>(kind) : WireKind.Unspecified,
        PhoneMasked = entry.PhoneMasked,
        Reason = ProtoNames.Map<StoredReason, WireReason>(entry.Reason),
        ProviderCode = entry.ProviderCode ?? string.Empty,
        FailedAt = Instants.Of(entry.FailedAt),
        ClosedAt = Instants.Of(entry.ClosedAt),
        ClosedBy = entry.ClosedBy ?? string.Empty,
        Outcome = entry.Outcome is { } outcome ? ProtoNames.Map<StoredOutcome, ContactOutcome>(outcome) : ContactOutcome.Unspecified,
        Note = entry.Note ?? string.Empty,
    };
}
