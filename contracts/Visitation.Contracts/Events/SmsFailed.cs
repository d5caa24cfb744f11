namespace Visitation.Contracts.Events;

/// <summary>
/// An SMS will not reach the family: the provider refused it for good, the handset's receipt said it
/// never will be delivered, or it ran out of attempts. The office that filed the application phones
/// the family instead. No provider text travels: it may quote the number.
/// </summary>
public sealed record SmsFailed(
    Guid ApplicationId,
    Guid SmsId,
    string Kind,
    string PhoneMasked,
    SmsFailureReason Reason,
    string? ProviderCode,
    DateTimeOffset OccurredAt);

/// <summary>Why an SMS will not reach the family, in words the clerk can act on.</summary>
public enum SmsFailureReason
{
    /// <summary>Every attempt failed for reasons that might have passed (provider busy, handset off for days).</summary>
    OutOfRetries,

    /// <summary>The number is empty, stopped or not a mobile number.</summary>
    WrongNumber,

    /// <summary>The number refuses the service's messages (blacklisted, unsubscribed, blocked as spam).</summary>
    Blocked,

    /// <summary>The provider will not send this message at all (template or signature not approved, account suspended).</summary>
    ProviderRefused,
}
