namespace Visitation.Contracts.Events;

/// <summary>The gateway accepted an SMS. The phone number is masked: the timeline never holds it whole.</summary>
public sealed record SmsSent(
    Guid ApplicationId,
    Guid SmsId,
    string Kind,
    string PhoneMasked,
    string Text,
    DateTimeOffset OccurredAt);
