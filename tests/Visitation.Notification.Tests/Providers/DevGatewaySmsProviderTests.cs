using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Visitation.DevSmsGateway;
using Visitation.Notification.Features.Deliver;
using Visitation.Notification.Features.Deliver.Providers;
using Visitation.Rules.Sms;

namespace Visitation.Notification.Tests.Providers;

/// <summary>The development gateway's adapter against the gateway itself: the rendered text goes out, and a query by our id finds it.</summary>
public sealed class DevGatewaySmsProviderTests : IAsyncLifetime
{
    private readonly HttpClient _http = new();
    private readonly string _store = Path.Combine(Path.GetTempPath(), $"dev-sms-{Guid.NewGuid():N}.jsonl");
    private WebApplication _gateway = null!;
    private DevGatewaySmsProvider _provider = null!;

    public async ValueTask InitializeAsync()
    {
        _gateway = DevSmsGatewayApp.Build(["--urls", "http://127.0.0.1:0", "--SmsGateway:StorePath", _store]);
        await _gateway.StartAsync(TestContext.Current.CancellationToken);
        var address = _gateway.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        _provider = new DevGatewaySmsProvider(_http, Options.Create(new SmsGatewayOptions { BaseUrl = new Uri(address + "/") }));
    }

    public async ValueTask DisposeAsync()
    {
        await _gateway.DisposeAsync();
        _http.Dispose();
        File.Delete(_store);
    }

    [Fact]
    public async Task TheRenderedTextIsAcceptedAndAQueryByOurIdFindsItDelivered()
    {
        var sms = SmsTestValues.Scheduled("13700000001");

        var result = await _provider.SendAsync(sms, TestContext.Current.CancellationToken);
        var report = await _provider.QueryAsync(sms.MessageId, sms.Phone, DateTimeOffset.UnixEpoch, TestContext.Current.CancellationToken);

        Assert.Equal(SendOutcome.Accepted, result.Outcome);
        var received = Assert.Single(_gateway.Services.GetRequiredService<SmsInbox>().All());
        Assert.Equal(SmsTemplates.Render(SmsKind.Scheduled, sms.Values), received.Text);
        Assert.Equal(received.GatewayId, result.ProviderMessageId);
        Assert.Equal(DeliveryOutcome.Delivered, report.Outcome);
        Assert.Equal(received.GatewayId, report.ProviderMessageId);
    }

    [Fact]
    public async Task AQueryForAnSmsTheGatewayNeverReceivedAnswersNotFound()
    {
        var report = await _provider.QueryAsync(Guid.CreateVersion7(), "13700000002", DateTimeOffset.UnixEpoch, TestContext.Current.CancellationToken);

        Assert.Equal(DeliveryOutcome.NotFound, report.Outcome);
    }

    [Fact]
    public async Task ARequestTheGatewayRefusesIsAPermanentFailure()
    {
        var result = await _provider.SendAsync(SmsTestValues.Scheduled(" "), TestContext.Current.CancellationToken);

        Assert.Equal(SendOutcome.PermanentFailure, result.Outcome);
        Assert.Equal("400", result.ProviderCode);
    }
}
