namespace Visitation.Notification.Features.Deliver.Providers;

/// <summary>
/// A provider call whose answer says nothing about the message (a query refused, an answer that is
/// not the provider's format). From a send it means the outcome is unknown: reconcile by our id
/// before sending again. The message names the account and the provider's code, never a secret.
/// </summary>
public sealed class SmsProviderException : Exception
{
    public SmsProviderException(string account, string? code, string? detail)
        : base($"SMS provider account '{account}' answered {code ?? "without a code"}: {detail}")
    {
        Account = account;
        Code = code;
    }

    public SmsProviderException()
    {
        Account = string.Empty;
    }

    public SmsProviderException(string message) : base(message)
    {
        Account = string.Empty;
    }

    public SmsProviderException(string message, Exception innerException) : base(message, innerException)
    {
        Account = string.Empty;
    }

    public string Account { get; }

    public string? Code { get; }
}
