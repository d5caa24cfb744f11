using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Visitation.Testing.SmsProviders;

/// <summary>
/// What both fakes share: a Kestrel server on a free loopback port, the SMS accepted, the answers
/// scripted per phone number, the receipts decided by the test and posted to a callback URL.
/// </summary>
public abstract class FakeSmsServer : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, string> _scripted = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private readonly List<FakeSms> _accepted = [];
    private readonly List<string> _refusals = [];
    private WebApplication? _app;
    private long _sequence;

    protected FakeSmsServer(TimeProvider clock) => Clock = clock;

    protected TimeProvider Clock { get; }

    /// <summary>Where the fake listens, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    /// <summary>What the fake accepted, oldest first.</summary>
    public IReadOnlyList<FakeSms> Accepted
    {
        get
        {
            lock (_gate)
            {
                return [.. _accepted];
            }
        }
    }

    /// <summary>The codes of the requests the fake refused before looking at them (signature, key, timestamp, nonce), oldest first.</summary>
    public IReadOnlyList<string> Refusals
    {
        get
        {
            lock (_gate)
            {
                return [.. _refusals];
            }
        }
    }

    /// <summary>From now on a send to <paramref name="phone"/> is answered with the provider's <paramref name="code"/> (e.g. a throttling or invalid-number code).</summary>
    /// <remarks>A mainland number is one number with or without +86, as Alibaba and Tencent write it.</remarks>
    public void Script(string phone, string code) => _scripted[Mainland(phone)] = code;

    public async Task StartAsync()
    {
        // Rooted at the binaries: a root at the working directory would have the settings watcher follow every file beneath it.
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        Map(_app);
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        BaseAddress = new Uri(address.EndsWith('/') ? address : address + "/");
    }

    /// <summary>Decides the receipt of the SMS accepted under our id <paramref name="ourId"/>.</summary>
    public FakeSms Deliver(Guid ourId, bool delivered, string? code = null, string? description = null)
    {
        lock (_gate)
        {
            var sms = _accepted.Single(s => s.OurId == ourId.ToString("N"));
            sms.Delivered = delivered;
            sms.ReceiptCode = code;
            sms.ReceiptDescription = description;
            sms.ReportedAt = Clock.GetUtcNow();
            return sms;
        }
    }

    /// <summary>Posts every decided receipt to <paramref name="callback"/> in the provider's callback format, as the provider would.</summary>
    public async Task<HttpResponseMessage> PostReceiptsAsync(Uri callback, HttpClient http)
    {
        ArgumentNullException.ThrowIfNull(http);
        return await http.PostAsync(callback, JsonContent.Create(CallbackBody()));
    }

    /// <summary>Every decided receipt in the provider's callback format.</summary>
    public JsonArray CallbackBody()
    {
        lock (_gate)
        {
            return new JsonArray([.. _accepted.Where(s => s.Delivered is not null).Select(CallbackEntry)]);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
            await _app.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    protected abstract void Map(WebApplication app);

    protected abstract JsonNode CallbackEntry(FakeSms sms);

    /// <summary>The scripted code for <paramref name="phone"/>, or null to accept.</summary>
    protected string? ScriptedCode(string phone) => _scripted.TryGetValue(Mainland(phone), out var code) ? code : null;

    private static string Mainland(string phone) => phone.StartsWith("+86", StringComparison.Ordinal) ? phone[3..] : phone;

    protected FakeSms Accept(string? ourId, string phone, string signName, string templateCode, IReadOnlyList<KeyValuePair<string, string>> parameters, Func<long, string> providerId)
    {
        lock (_gate)
        {
            var sms = new FakeSms(providerId(++_sequence), ourId, phone, signName, templateCode, parameters, Clock.GetUtcNow());
            _accepted.Add(sms);
            return sms;
        }
    }

    protected T Read<T>(Func<IReadOnlyList<FakeSms>, T> read)
    {
        lock (_gate)
        {
            return read(_accepted);
        }
    }

    protected void Refused(string code)
    {
        lock (_gate)
        {
            _refusals.Add(code);
        }
    }

    protected static string RequestId() => Guid.NewGuid().ToString().ToUpperInvariant();

    /// <summary>China time as both providers write it.</summary>
    protected static string ChinaTime(DateTimeOffset time) =>
        time.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    protected static IResult Json(JsonNode body, int status = StatusCodes.Status200OK) =>
        Results.Content(body.ToJsonString(), "application/json; charset=utf-8", System.Text.Encoding.UTF8, status);
}
