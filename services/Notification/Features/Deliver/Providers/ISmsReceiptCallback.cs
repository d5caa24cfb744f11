using System.Security.Cryptography;
using System.Text;

namespace Visitation.Notification.Features.Deliver.Providers;

/// <summary>
/// A provider's receipt callback (Alibaba's HTTP batch push, Tencent's status callback): the body
/// parsed into reports, and what the provider expects back so that it does not push again.
/// </summary>
public interface ISmsReceiptCallback
{
    /// <summary>The reports of one callback body. A body that is not the provider's format throws <see cref="FormatException"/>.</summary>
    IReadOnlyList<DeliveryReport> ParseCallback(string body);

    /// <summary>The JSON body that acknowledges a callback.</summary>
    string Acknowledgement { get; }
}

/// <summary>
/// Who may post receipts: the providers sign neither callback, so each account's callback URL carries
/// a shared token (<see cref="SmsProviderAccount.CallbackToken"/>), registered with the provider and
/// compared here in fixed time. An account without a token accepts no callback at all.
/// </summary>
public static class ReceiptCallbackToken
{
    public static bool IsAuthentic(SmsProviderAccount account, string? presented)
    {
        ArgumentNullException.ThrowIfNull(account);
        if (string.IsNullOrEmpty(account.CallbackToken) || string.IsNullOrEmpty(presented))
            return false;
        return CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(account.CallbackToken)),
            SHA256.HashData(Encoding.UTF8.GetBytes(presented)));
    }
}
