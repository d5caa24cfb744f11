using Visitation.Contracts.Events;
using Visitation.Rules.Sms;

namespace Visitation.Notification.Features.Deliver.Providers;

/// <summary>
/// One SMS provider account (Alibaba Cloud, Tencent Cloud, or the development gateway). Providers
/// send only registered templates, so a message goes out as a template and its variables, never as
/// free text. Calls are not idempotent on the provider's side: the dispatcher records each attempt
/// before <see cref="SendAsync"/> and, when it never learnt the outcome, asks <see cref="QueryAsync"/>
/// by our message id (OutId / SessionContext) before it ever sends again.
/// </summary>
public interface ISmsProvider
{
    /// <summary>The configured account's name, stored with each attempt (e.g. <c>aliyun-shanxi</c>).</summary>
    string Name { get; }

    Task<SendResult> SendAsync(OutgoingSms sms, CancellationToken cancellationToken);

    /// <summary>
    /// What the provider knows of <paramref name="messageId"/> sent to <paramref name="phone"/> around
    /// <paramref name="attemptedAt"/>: <see cref="DeliveryOutcome.NotFound"/> means it was never accepted.
    /// </summary>
    Task<DeliveryReport> QueryAsync(Guid messageId, string phone, DateTimeOffset attemptedAt, CancellationToken cancellationToken);

    /// <summary>Receipts waiting at the provider, for accounts configured to poll rather than be called back.</summary>
    Task<IReadOnlyList<DeliveryReport>> PullReceiptsAsync(CancellationToken cancellationToken);
}

/// <summary>One message as the provider is asked to send it: our id (travels as OutId / SessionContext), the number, the registered template and its variables.</summary>
public sealed record OutgoingSms(Guid MessageId, string Phone, SmsKind Kind, IReadOnlyDictionary<string, string> Values);

public enum SendOutcome
{
    /// <summary>The provider took the message; a receipt follows.</summary>
    Accepted,

    /// <summary>The provider's rate limit (per account or per number): try again later, never drop.</summary>
    Throttled,

    /// <summary>A failure that may pass (the provider's system busy, a network error): retry with back-off.</summary>
    TemporaryFailure,

    /// <summary>A failure that will not pass (wrong or blocked number, template not approved): the family is not reached this way.</summary>
    PermanentFailure,
}

/// <summary>
/// The provider's answer to a send: its own message id when accepted, its code and words otherwise;
/// for a permanent failure, what the clerk is told (a wrong number when the adapter does not say).
/// </summary>
public sealed record SendResult(SendOutcome Outcome, string? ProviderMessageId, string? ProviderCode, string? Detail, SmsFailureReason? Reason = null)
{
    public static SendResult Accepted(string providerMessageId) => new(SendOutcome.Accepted, providerMessageId, null, null);
}

public enum DeliveryOutcome
{
    /// <summary>The provider has no such message: it was never accepted.</summary>
    NotFound,

    /// <summary>Accepted, waiting for the handset's receipt.</summary>
    Submitted,

    Delivered,

    /// <summary>Not delivered for a reason that may pass (handset off, out of coverage past the operator's retries): sending again may reach the family.</summary>
    FailedTemporarily,

    /// <summary>Not delivered and never will be this way (empty or stopped number, blocked, rejected as spam).</summary>
    FailedPermanently,

    /// <summary>
    /// The provider cannot tell yet: Tencent lists a message only once its receipt came, so a recent
    /// attempt it does not list may still have been accepted. Ask again later; never send again on it.
    /// </summary>
    Unknown,
}

/// <summary>
/// What a provider reports of one message, from a query, a pulled receipt or a callback. Receipts name
/// our id where the provider echoes it (OutId, SessionContext) and otherwise the provider's id; a
/// permanent failure says why where the adapter can tell (a wrong number when it does not).
/// </summary>
public sealed record DeliveryReport(
    Guid? MessageId,
    string? ProviderMessageId,
    DeliveryOutcome Outcome,
    string? ProviderCode,
    string? Detail,
    DateTimeOffset? ReportedAt,
    SmsFailureReason? Reason = null);
