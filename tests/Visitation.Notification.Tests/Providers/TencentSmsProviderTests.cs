using Visitation.Contracts.Events;
using Microsoft.Extensions.Time.Testing;
using Visitation.Notification.Features.Deliver.Providers;
using Visitation.Rules.Sms;
using Visitation.Testing.SmsProviders;

namespace Visitation.Notification.Tests.Providers;

/// <summary>The Tencent Cloud adapter against a fake that speaks API 3.0 and verifies its TC3 signature.</summary>
public sealed class TencentSmsProviderTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = SmsTestValues.Clock();
    private readonly HttpClient _http = new();
    private FakeTencentSms _fake = null!;

    public async ValueTask InitializeAsync()
    {
        _fake = new FakeTencentSms("AKID-test-id", "tencent-test-secret", "1400000001", SmsTestValues.SignName, _clock);
        await _fake.StartAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _fake.DisposeAsync();
        _http.Dispose();
    }

    private TencentSmsProvider Provider(string secret = "tencent-test-secret") =>
        new("tencent-test", SmsTestValues.Tencent(_fake.BaseAddress, secret), _http, _clock);

    [Fact]
    public async Task AnAcceptedSmsCarriesTheTemplateIdTheVariablesInTheTemplatesOrderAndOurIdAsSessionContext()
    {
        var sms = SmsTestValues.Scheduled("13900000001");

        var result = await Provider().SendAsync(sms, TestContext.Current.CancellationToken);

        Assert.Equal(SendOutcome.Accepted, result.Outcome);
        var accepted = Assert.Single(_fake.Accepted);
        Assert.Equal(accepted.ProviderId, result.ProviderMessageId);
        Assert.Equal("+8613900000001", accepted.Phone);
        Assert.Equal(sms.MessageId.ToString("N"), accepted.OurId);
        Assert.Equal(SmsTemplateRegistry.For(SmsKind.Scheduled).ProviderCodes[SmsTemplateRegistry.Tencent], accepted.TemplateCode);
        Assert.Equal(
            SmsTemplateRegistry.For(SmsKind.Scheduled).Variables.Select(v => sms.Values[v.Name]),
            accepted.Parameters.Select(p => p.Value));
    }

    [Theory]
    [InlineData("LimitExceeded.PhoneNumberThirtySecondLimit")]
    [InlineData("LimitExceeded.PhoneNumberOneHourLimit")]
    [InlineData("LimitExceeded.PhoneNumberDailyLimit")]
    public async Task TheProvidersLimitsPerNumberAreThrottlingNotFailures(string code)
    {
        _fake.Script("13900000002", code);

        var result = await Provider().SendAsync(SmsTestValues.Scheduled("+8613900000002"), TestContext.Current.CancellationToken);

        Assert.Equal(SendOutcome.Throttled, result.Outcome);
        Assert.Equal(code, result.ProviderCode);
        Assert.Empty(_fake.Accepted);
    }

    [Fact]
    public async Task AnIncorrectNumberIsAPermanentFailure()
    {
        _fake.Script("+8613900000003", "InvalidParameterValue.IncorrectPhoneNumber");

        var result = await Provider().SendAsync(SmsTestValues.Scheduled("13900000003"), TestContext.Current.CancellationToken);

        Assert.Equal(SendOutcome.PermanentFailure, result.Outcome);
        Assert.Equal("InvalidParameterValue.IncorrectPhoneNumber", result.ProviderCode);
        Assert.Equal(SmsFailureReason.WrongNumber, result.Reason);
    }

    [Fact]
    public async Task ARequestSignedWithTheWrongSecretIsRefusedAndNothingIsSent()
    {
        var result = await Provider(secret: "not-the-secret").SendAsync(SmsTestValues.Scheduled("13900000004"), TestContext.Current.CancellationToken);

        Assert.Equal(SendOutcome.TemporaryFailure, result.Outcome);
        Assert.Equal("AuthFailure.SignatureFailure", result.ProviderCode);
        Assert.Equal(["AuthFailure.SignatureFailure"], _fake.Refusals);
        Assert.Empty(_fake.Accepted);
    }

    [Fact]
    public async Task AQueryByOurIdFindsTheSmsOnceItsReceiptIsIn()
    {
        var sms = SmsTestValues.Scheduled("13900000005");
        var attemptedAt = _clock.GetUtcNow();
        await Provider().SendAsync(sms, TestContext.Current.CancellationToken);
        await Provider().SendAsync(SmsTestValues.Scheduled("13900000005"), TestContext.Current.CancellationToken);
        _fake.Deliver(sms.MessageId, delivered: true);
        _clock.Advance(TimeSpan.FromMinutes(1));

        var report = await Provider().QueryAsync(sms.MessageId, sms.Phone, attemptedAt, TestContext.Current.CancellationToken);

        Assert.Equal(DeliveryOutcome.Delivered, report.Outcome);
        Assert.Equal(sms.MessageId, report.MessageId);
        Assert.Equal(_fake.Accepted[0].ProviderId, report.ProviderMessageId);
    }

    [Fact]
    public async Task AnUnlistedSmsIsUnknownWithinTheReceiptWindowAndNotFoundAfterIt()
    {
        var neverSent = SmsTestValues.Scheduled("13900000006");
        var attemptedAt = _clock.GetUtcNow();
        await Provider().SendAsync(SmsTestValues.Scheduled("13900000006"), TestContext.Current.CancellationToken);

        var soon = await Provider().QueryAsync(neverSent.MessageId, neverSent.Phone, attemptedAt, TestContext.Current.CancellationToken);
        _clock.Advance(TencentSmsProvider.ReceiptWindow);
        var later = await Provider().QueryAsync(neverSent.MessageId, neverSent.Phone, attemptedAt, TestContext.Current.CancellationToken);

        Assert.Equal(DeliveryOutcome.Unknown, soon.Outcome);
        Assert.Equal(DeliveryOutcome.NotFound, later.Outcome);
    }

    [Fact]
    public async Task ReceiptsArePulledOnceEachWithOurIdAndTheOutcome()
    {
        var delivered = SmsTestValues.Scheduled("13900000007");
        var empty = SmsTestValues.Scheduled("13900000008");
        var pending = SmsTestValues.Scheduled("13900000009");
        foreach (var sms in new[] { delivered, empty, pending })
            await Provider().SendAsync(sms, TestContext.Current.CancellationToken);
        _fake.Deliver(delivered.MessageId, delivered: true);
        _fake.Deliver(empty.MessageId, delivered: false, "MN:0001", "空号");

        var first = await Provider().PullReceiptsAsync(TestContext.Current.CancellationToken);
        var second = await Provider().PullReceiptsAsync(TestContext.Current.CancellationToken);

        Assert.Equal(2, first.Count);
        Assert.Equal(DeliveryOutcome.Delivered, first.Single(r => r.MessageId == delivered.MessageId).Outcome);
        Assert.Equal(DeliveryOutcome.FailedPermanently, first.Single(r => r.MessageId == empty.MessageId).Outcome);
        Assert.Equal(SmsFailureReason.WrongNumber, first.Single(r => r.MessageId == empty.MessageId).Reason);
        Assert.Empty(second);
    }

    [Fact]
    public async Task TheStatusCallbackIsParsedIntoReportsNamingOurIdAndTheOutcome()
    {
        var delivered = SmsTestValues.Scheduled("13900000010");
        var handsetOff = SmsTestValues.Scheduled("13900000011");
        await Provider().SendAsync(delivered, TestContext.Current.CancellationToken);
        await Provider().SendAsync(handsetOff, TestContext.Current.CancellationToken);
        _fake.Deliver(delivered.MessageId, delivered: true);
        _fake.Deliver(handsetOff.MessageId, delivered: false, "MK:0005", "用户关机");

        var reports = Provider().ParseCallback(_fake.CallbackBody().ToJsonString());

        Assert.Equal(DeliveryOutcome.Delivered, reports.Single(r => r.MessageId == delivered.MessageId).Outcome);
        var failed = reports.Single(r => r.MessageId == handsetOff.MessageId);
        Assert.Equal(DeliveryOutcome.FailedTemporarily, failed.Outcome);
        Assert.Equal("MK:0005", failed.ProviderCode);
    }
}
