using Microsoft.Extensions.Time.Testing;
using Visitation.Notification.Features.Deliver.Providers;
using Visitation.Rules.Sms;

namespace Visitation.Notification.Tests.Providers;

/// <summary>What the adapter tests share: a test clock, a message with its template's values, the accounts' made-up keys.</summary>
internal static class SmsTestValues
{
    public const string SignName = "远程视频会见";

    /// <summary>10:00 China time: one day, no midnight in the way.</summary>
    public static FakeTimeProvider Clock() => new(new DateTimeOffset(2026, 11, 30, 2, 0, 0, TimeSpan.Zero));

    /// <summary>A Scheduled SMS to <paramref name="phone"/> with the registry's example values.</summary>
    public static OutgoingSms Scheduled(string phone) =>
        new(Guid.CreateVersion7(), phone, SmsKind.Scheduled, SmsTemplateRegistry.For(SmsKind.Scheduled).Variables.ToDictionary(v => v.Name, v => v.Example));

    public static SmsProviderAccount Aliyun(Uri endpoint, string secret = "aliyun-test-secret") => new()
    {
        Provider = SmsProviderKind.Aliyun,
        Endpoint = endpoint,
        KeyId = "LTAI-test-key",
        KeySecret = secret,
        SignName = SignName,
        CallbackToken = "0123456789abcdef0123456789abcdef",
    };

    public static SmsProviderAccount Tencent(Uri endpoint, string secret = "tencent-test-secret") => new()
    {
        Provider = SmsProviderKind.Tencent,
        Endpoint = endpoint,
        KeyId = "AKID-test-id",
        KeySecret = secret,
        SignName = SignName,
        SdkAppId = "1400000001",
        PollReceipts = true,
        CallbackToken = "fedcba9876543210fedcba9876543210",
    };
}
