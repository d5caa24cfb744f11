using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Visitation.Benchmarks.Infrastructure;

/// <summary>
/// The SMS gateway of a run, inside the benchmark: the development gateway's API (POST /sms; GET /sms?phone=
/// and /sms/{id}, which the notification service asks for receipts), told to the load as each SMS
/// arrives, so an application's end is seen the moment its SMS reaches the gateway, with no polling.
/// Nothing is written to disk. A message id seen before is accepted again and counted as a duplicate.
/// </summary>
public sealed class BenchSmsGateway : IAsyncDisposable
{
    private readonly ConcurrentDictionary<Guid, GatewaySms> _byId = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<GatewaySms>> _byPhone = new(StringComparer.Ordinal);
    private readonly Action<GatewaySms> _arrived;
    private readonly TimeProvider _clock;
    private WebApplication? _app;
    private int _duplicates;

    private BenchSmsGateway(TimeProvider clock, Action<GatewaySms> arrived)
    {
        _clock = clock;
        _arrived = arrived;
    }

    public Uri Address { get; private set; } = null!;

    public int Duplicates => Volatile.Read(ref _duplicates);

    /// <summary>The SMS the gateway took for a phone number, each message id once.</summary>
    public int CountTo(string phone) => _byPhone.TryGetValue(phone, out var sent) ? sent.Count : 0;

    public static async Task<BenchSmsGateway> StartAsync(TimeProvider clock, Action<GatewaySms> arrived)
    {
        var gateway = new BenchSmsGateway(clock, arrived);
        // Rooted at the binaries, not the working directory (the checkout's top): the settings watcher
        // follows every file beneath the root, and under .local/ PostgreSQL and the services write all
        // the time — its thread was ~1.3 % of a 2-core machine under load (docs/performance.md).
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapPost("/sms", (SmsRequest request) => Results.Ok(new { gatewayId = gateway.Receive(request).GatewayId }));
        app.MapGet("/sms", (string? phone) => Results.Ok(phone is not null && gateway._byPhone.TryGetValue(phone, out var sent) ? sent.ToArray() : []));
        app.MapGet("/sms/{messageId:guid}", (Guid messageId) => gateway._byId.TryGetValue(messageId, out var sms) ? Results.Ok(sms) : Results.NotFound());
        await app.StartAsync();
        gateway._app = app;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        gateway.Address = new Uri(address.TrimEnd('/') + "/");
        return gateway;
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    private GatewaySms Receive(SmsRequest request)
    {
        var sms = new GatewaySms(request.MessageId, request.Phone, request.Text, $"BENCH-{request.MessageId:N}", _clock.GetUtcNow());
        var stored = _byId.GetOrAdd(request.MessageId, sms);
        if (!ReferenceEquals(stored, sms))
        {
            Interlocked.Increment(ref _duplicates);
            return stored;
        }

        _byPhone.GetOrAdd(request.Phone, _ => new ConcurrentQueue<GatewaySms>()).Enqueue(sms);
        _arrived(sms);
        return sms;
    }

    private sealed record SmsRequest(Guid MessageId, string Phone, string Text);
}

/// <summary>An SMS as the gateway took it.</summary>
public sealed record GatewaySms(Guid MessageId, string Phone, string Text, string GatewayId, DateTimeOffset ReceivedAt);
