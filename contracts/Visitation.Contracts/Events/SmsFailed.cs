namespace Visitation.Contracts.Events;

public sealed record SmsFailed(
    Guid ApplicationId,
    Guid SmsId,
    string Kind,
    string PhoneMasked,
    string Error,
    DateTimeOffset OccurredAt);
