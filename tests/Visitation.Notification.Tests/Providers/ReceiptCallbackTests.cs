using Visitation.Contracts.Events;
using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Visitation.Notification.Features.Deliver;
using Visitation.Notification.Features.Deliver.Providers;
using Visitation.Rules.ReferenceData;
using Visitation.Testing.SmsProviders;

namespace Visitation.Notification.Tests.Providers;

/// <summary>
/// The fakes post their receipts over HTTP as the providers do, to a receiver built as the
/// notification service's endpoint is meant to be: the account's token in the URL, the account's
/// parser, the provider's acknowledgement. Proves the callback's whole way, token included.
/// </summary>
public sealed class ReceiptCallbackTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = SmsTestValues.Clock();
    private readonly HttpClient _http = new();
    private readonly ConcurrentQueue<DeliveryReport> _received = new();
    private FakeTencentSms _tencent = null!;
    private FakeAliyunSms _aliyun = null!;
    private WebApplication _receiver = null!;
    private SmsProviderDirectory _registry = null!;
    private Uri _receiverAddress = null!;

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

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _receiver = builder.Build();
        _receiver.MapPost("/sms/receipts/{account}", async (string account, string? token, HttpRequest request) =>
        {
            if (_registry.Callback(account, token) is not { } callback)
                return Results.NotFound();
            using var reader = new StreamReader(request.Body);
            foreach (var report in callback.ParseCallback(await reader.ReadToEndAsync()))
                _received.Enqueue(report);
            return Results.Content(callback.Acknowledgement, "application/json");
        });
        await _receiver.StartAsync();
        _receiverAddress = new Uri(_receiver.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single() + "/");
    }

    public async ValueTask DisposeAsync()
    {
        await _receiver.DisposeAsync();
        await _tencent.DisposeAsync();
        await _aliyun.DisposeAsync();
        _http.Dispose();
    }

    [Fact]
    public async Task TencentsCallbackWithTheAccountsTokenIsAcknowledgedAndItsReceiptsReported()
    {
        var sms = SmsTestValues.Scheduled("13900000021");
        await _registry.Named("tencent-test")!.SendAsync(sms, TestContext.Current.CancellationToken);
        _tencent.Deliver(sms.MessageId, delivered: true);

        using var answer = await _tencent.PostReceiptsAsync(new Uri(_receiverAddress, "sms/receipts/tencent-test?token=fedcba9876543210fedcba9876543210"), _http);

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal("""{"result":0,"errmsg":"OK"}""", await answer.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var report = Assert.Single(_received);
        Assert.Equal(sms.MessageId, report.MessageId);
        Assert.Equal(DeliveryOutcome.Delivered, report.Outcome);
    }

    [Fact]
    public async Task AlibabasPushWithTheAccountsTokenIsAcknowledgedAndItsReceiptsReported()
    {
        var sms = SmsTestValues.Scheduled("13800000021");
        await _registry.Named("aliyun-test")!.SendAsync(sms, TestContext.Current.CancellationToken);
        _aliyun.Deliver(sms.MessageId, delivered: false, "MOBILE_IN_BLACK", "黑名单");

        using var answer = await _aliyun.PostReceiptsAsync(new Uri(_receiverAddress, "sms/receipts/aliyun-test?token=0123456789abcdef0123456789abcdef"), _http);

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal("""{"code":0,"msg":"成功"}""", await answer.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var report = Assert.Single(_received);
        Assert.Equal(sms.MessageId, report.MessageId);
        Assert.Equal(DeliveryOutcome.FailedPermanently, report.Outcome);
        Assert.Equal("MOBILE_IN_BLACK", report.ProviderCode);
        Assert.Equal(SmsFailureReason.Blocked, report.Reason);
    }

    [Fact]
    public async Task ACallbackWithAnotherAccountsTokenIsRefusedAndReportsNothing()
    {
        var sms = SmsTestValues.Scheduled("13900000022");
        await _registry.Named("tencent-test")!.SendAsync(sms, TestContext.Current.CancellationToken);
        _tencent.Deliver(sms.MessageId, delivered: true);

        using var answer = await _tencent.PostReceiptsAsync(new Uri(_receiverAddress, "sms/receipts/tencent-test?token=0123456789abcdef0123456789abcdef"), _http);

        Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);
        Assert.Empty(_received);
    }
}
