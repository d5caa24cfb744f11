namespace Visitation.Contracts.Events;

/// <summary>The provider's receipt says the SMS reached the family's handset.</summary>
public sealed record SmsDelivered(
    Guid ApplicationId,
    Guid SmsId,
    string Kind,
    string PhoneMasked,
    DateTimeOffset OccurredAt);
