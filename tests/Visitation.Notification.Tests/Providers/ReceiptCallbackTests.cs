using Visitation.Contracts.Events;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Visitation.Notification.Features.Deliver;
using Visitation.Notification.Features.Deliver.Providers;
using Visitation.Rules.ReferenceData;
using Visitation.Testing.SmsProviders;

namespace Visitation.Notification.Tests.Providers;

/// <summary>
/// The callback bodies the fakes build as the providers do, read by the account the token opens, and
/// the acknowledgement each provider expects. The HTTP route itself, through the real service, is
/// proved by the integration tests' <c>SmsReceiptCallbackTests</c>.
/// </summary>
public sealed class ReceiptCallbackTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = SmsTestValues.Clock();
    private FakeTencentSms _tencent = null!;
    private FakeAliyunSms _aliyun = null!;
    private SmsProviderDirectory _registry = null!;

    public async ValueTask InitializeAsync()
    {
        _tencent = new FakeTencentSms("AKID-test-id", "tencent-test-secret", "1400000001", SmsTestValues.SignName, _clock);
        _aliyun = new FakeAliyunSms("LTAI-test-key", "aliyun-test-secret", SmsTestValues.SignName, _clock);
        await _tencent.StartAsync();
        await _aliyun.StartAsync();
        var options = new SmsProvidersOptions
        {
            Accounts = { ["tencent-test"] = SmsTestValues.Tencent(_tencent.BaseAddress), ["aliyun-test"] = SmsTestValues.Aliyun(_aliyun.BaseAddress) },
        };
        _registry = new SmsProviderDirectory(
            Options.Create(options), Options.Create(new SmsGatewayOptions()),
            new ServiceCollection().AddHttpClient().BuildServiceProvider().GetRequiredService<IHttpClientFactory>(),
            new ReferenceDataSet([], [], [], [], [], [], new Visitation.Rules.Policies.PolicySet([], [])), _clock);
    }

    public async ValueTask DisposeAsync()
    {
        await _tencent.DisposeAsync();
        await _aliyun.DisposeAsync();
    }

    [Fact]
    public async Task TencentsCallbackWithTheAccountsTokenIsAcknowledgedAndItsReceiptsReported()
    {
        var sms = SmsTestValues.Scheduled("13900000021");
        await _registry.Named("tencent-test")!.SendAsync(sms, TestContext.Current.CancellationToken);
        _tencent.Deliver(sms.MessageId, delivered: true);

        var callback = _registry.Callback("tencent-test", "fedcba9876543210fedcba9876543210");

        Assert.NotNull(callback);
        Assert.Equal("""{"result":0,"errmsg":"OK"}""", callback.Acknowledgement);
        var report = Assert.Single(callback.ParseCallback(_tencent.CallbackBody().ToJsonString()));
        Assert.Equal(sms.MessageId, report.MessageId);
        Assert.Equal(DeliveryOutcome.Delivered, report.Outcome);
    }

    [Fact]
    public async Task AlibabasPushWithTheAccountsTokenIsAcknowledgedAndItsReceiptsReported()
    {
        var sms = SmsTestValues.Scheduled("13800000021");
        await _registry.Named("aliyun-test")!.SendAsync(sms, TestContext.Current.CancellationToken);
        _aliyun.Deliver(sms.MessageId, delivered: false, "MOBILE_IN_BLACK", "黑名单");

        var callback = _registry.Callback("aliyun-test", "0123456789abcdef0123456789abcdef");

        Assert.NotNull(callback);
        Assert.Equal("""{"code":0,"msg":"成功"}""", callback.Acknowledgement);
        var report = Assert.Single(callback.ParseCallback(_aliyun.CallbackBody().ToJsonString()));
        Assert.Equal(sms.MessageId, report.MessageId);
        Assert.Equal(DeliveryOutcome.FailedPermanently, report.Outcome);
        Assert.Equal("MOBILE_IN_BLACK", report.ProviderCode);
        Assert.Equal(SmsFailureReason.Blocked, report.Reason);
    }

    [Fact]
    public void ACallbackWithAnotherAccountsTokenOrNoneOpensNoAccount()
    {
        Assert.Null(_registry.Callback("tencent-test", "0123456789abcdef0123456789abcdef"));
        Assert.Null(_registry.Callback("tencent-test", null));
        Assert.Null(_registry.Callback("no-such-account", "fedcba9876543210fedcba9876543210"));
    }
}
