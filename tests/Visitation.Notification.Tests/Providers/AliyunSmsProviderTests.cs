using Visitation.Contracts.Events;
using Microsoft.Extensions.Time.Testing;
using Visitation.Notification.Features.Deliver.Providers;
using Visitation.Rules.Sms;
using Visitation.Testing.SmsProviders;

namespace Visitation.Notification.Tests.Providers;

/// <summary>The Alibaba Cloud adapter against a fake that speaks the RPC API and verifies its signature.</summary>
public sealed class AliyunSmsProviderTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = SmsTestValues.Clock();
    private readonly HttpClient _http = new();
    private FakeAliyunSms _fake = null!;

    public async ValueTask InitializeAsync()
    {
        _fake = new FakeAliyunSms("LTAI-test-key", "aliyun-test-secret", SmsTestValues.SignName, _clock);
        await _fake.StartAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _fake.DisposeAsync();
        _http.Dispose();
    }

    private AliyunSmsProvider Provider(string secret = "aliyun-test-secret") =>
        new("aliyun-test", SmsTestValues.Aliyun(_fake.BaseAddress, secret), _http, _clock);

    [Fact]
    public async Task AnAcceptedSmsCarriesTheSignNameTemplateCodeVariablesAndOurIdAndReturnsTheBizId()
    {
        var sms = SmsTestValues.Scheduled("13800000001");

        var result = await Provider().SendAsync(sms, TestContext.Current.CancellationToken);

        Assert.Equal(SendOutcome.Accepted, result.Outcome);
        var accepted = Assert.Single(_fake.Accepted);
        Assert.Equal(accepted.ProviderId, result.ProviderMessageId);
        Assert.Equal(sms.MessageId.ToString("N"), accepted.OurId);
        Assert.Equal(SmsTestValues.SignName, accepted.SignName);
        Assert.Equal(SmsTemplateRegistry.For(SmsKind.Scheduled).ProviderCodes[SmsTemplateRegistry.Aliyun], accepted.TemplateCode);
        Assert.Equal(SmsTemplates.Compose(SmsKind.Scheduled, sms.Values).Parameters, accepted.Parameters);
    }

    [Fact]
    public async Task AnAccountsOwnTemplateCodeWinsOverTheRegistrysExample()
    {
        var account = SmsTestValues.Aliyun(_fake.BaseAddress);
        account.TemplateCodes["Scheduled"] = "SMS_000000999";

        var result = await new AliyunSmsProvider("aliyun-test", account, _http, _clock).SendAsync(SmsTestValues.Scheduled("13800000011"), TestContext.Current.CancellationToken);

        // The fake knows only the registry's codes: the account's own code reached it and was refused as unknown.
        Assert.Equal(SendOutcome.PermanentFailure, result.Outcome);
        Assert.Equal("isv.SMS_TEMPLATE_ILLEGAL", result.ProviderCode);
    }

    [Fact]
    public async Task TheProvidersLimitPerNumberIsThrottlingNotAFailure()
    {
        _fake.Script("13800000002", "isv.BUSINESS_LIMIT_CONTROL");

        var result = await Provider().SendAsync(SmsTestValues.Scheduled("13800000002"), TestContext.Current.CancellationToken);

        Assert.Equal(SendOutcome.Throttled, result.Outcome);
        Assert.Equal("isv.BUSINESS_LIMIT_CONTROL", result.ProviderCode);
        Assert.Empty(_fake.Accepted);
    }

    [Fact]
    public async Task AnIllegalNumberIsAPermanentFailure()
    {
        _fake.Script("13800000003", "isv.MOBILE_NUMBER_ILLEGAL");

        var result = await Provider().SendAsync(SmsTestValues.Scheduled("13800000003"), TestContext.Current.CancellationToken);

        Assert.Equal(SendOutcome.PermanentFailure, result.Outcome);
        Assert.Equal("isv.MOBILE_NUMBER_ILLEGAL", result.ProviderCode);
        Assert.Equal(SmsFailureReason.WrongNumber, result.Reason);
    }

    [Fact]
    public async Task ARequestSignedWithTheWrongSecretIsRefusedAndNothingIsSent()
    {
        var result = await Provider(secret: "not-the-secret").SendAsync(SmsTestValues.Scheduled("13800000004"), TestContext.Current.CancellationToken);

        Assert.Equal(SendOutcome.TemporaryFailure, result.Outcome);
        Assert.Equal("SignatureDoesNotMatch", result.ProviderCode);
        Assert.Equal(["SignatureDoesNotMatch"], _fake.Refusals);
        Assert.Empty(_fake.Accepted);
    }

    [Fact]
    public async Task AQueryByOurIdFindsTheAcceptedSmsAndItsReceipt()
    {
        var sms = SmsTestValues.Scheduled("13800000005");
        var attemptedAt = _clock.GetUtcNow();
        var sent = await Provider().SendAsync(sms, TestContext.Current.CancellationToken);
        await Provider().SendAsync(SmsTestValues.Scheduled("13800000005"), TestContext.Current.CancellationToken);

        var waiting = await Provider().QueryAsync(sms.MessageId, sms.Phone, attemptedAt, TestContext.Current.CancellationToken);
        _fake.Deliver(sms.MessageId, delivered: true);
        _clock.Advance(TimeSpan.FromSeconds(5));
        var delivered = await Provider().QueryAsync(sms.MessageId, sms.Phone, attemptedAt, TestContext.Current.CancellationToken);

        Assert.Equal(SendOutcome.Accepted, sent.Outcome);
        Assert.Equal(DeliveryOutcome.Submitted, waiting.Outcome);
        Assert.Equal(sms.MessageId, waiting.MessageId);
        Assert.Equal(DeliveryOutcome.Delivered, delivered.Outcome);
    }

    [Fact]
    public async Task AQueryForAnSmsNeverAcceptedAnswersNotFound()
    {
        var other = SmsTestValues.Scheduled("13800000006");
        await Provider().SendAsync(other, TestContext.Current.CancellationToken);
        var neverSent = SmsTestValues.Scheduled("13800000006");

        var report = await Provider().QueryAsync(neverSent.MessageId, neverSent.Phone, _clock.GetUtcNow(), TestContext.Current.CancellationToken);

        Assert.Equal(DeliveryOutcome.NotFound, report.Outcome);
    }

    [Fact]
    public async Task TheReceiptPushIsParsedIntoReportsNamingOurIdAndTheOutcome()
    {
        var delivered = SmsTestValues.Scheduled("13800000007");
        var stopped = SmsTestValues.Scheduled("13800000008");
        var handsetOff = SmsTestValues.Scheduled("13800000009");
        foreach (var sms in new[] { delivered, stopped, handsetOff })
            await Provider().SendAsync(sms, TestContext.Current.CancellationToken);
        _fake.Deliver(delivered.MessageId, delivered: true);
        _fake.Deliver(stopped.MessageId, delivered: false, "MOBILE_NOT_ON_SERVICE", "停机");
        _fake.Deliver(handsetOff.MessageId, delivered: false, "MOBLLE_TERMINAL_ERROR", "手机终端问题");

        var reports = Provider().ParseCallback(_fake.CallbackBody().ToJsonString());

        Assert.Equal(DeliveryOutcome.Delivered, reports.Single(r => r.MessageId == delivered.MessageId).Outcome);
        var failed = reports.Single(r => r.MessageId == stopped.MessageId);
        Assert.Equal(DeliveryOutcome.FailedPermanently, failed.Outcome);
        Assert.Equal("MOBILE_NOT_ON_SERVICE", failed.ProviderCode);
        Assert.Equal(SmsFailureReason.WrongNumber, failed.Reason);
        Assert.Equal(DeliveryOutcome.FailedTemporarily, reports.Single(r => r.MessageId == handsetOff.MessageId).Outcome);
        Assert.All(reports, r => Assert.NotNull(r.ReportedAt));
    }

    [Fact]
    public void ABodyThatIsNotAReceiptPushIsAFormatError()
    {
        Assert.Throws<FormatException>(() => Provider().ParseCallback("{\"not\":\"an array\"}"));
    }
}
