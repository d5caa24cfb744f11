using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Visitation.Benchmarks.Infrastructure;
using Visitation.Messaging;

namespace Visitation.FailoverTests;

/// <summary>An event no queue will take (top-level: MassTransit names the exchange after the type, <c>Namespace:Name</c>).</summary>
public sealed record Refused(Guid Id);

/// <summary>
/// RabbitMQ 3.10's "channel that keeps nacking" (shared/design/LOCAL-INFRA.md): a channel opened while a
/// quorum queue elects its leader nacked every publish for minutes, and a new channel did not. Our outbox
/// dispatcher publishes through MassTransit, which ends a channel that a publish failed on — a nack
/// included — and takes a new one for the next; this test holds it to that. A queue that takes no
/// message (<c>x-max-length</c> 0, <c>reject-publish</c>) makes the broker nack every publish routed to it.
/// </summary>
public sealed class NackedPublishTests
{
    [Fact]
    public async Task APublishTheBrokerNacksFailsAndTheChannelItWentOverIsClosedNotUsedAgain()
    {
        var management = new Uri(TestServers.Get("VISITATION_TEST_RABBITMQ_MANAGEMENT"));
        var amqp = new Uri(TestServers.Get("VISITATION_TEST_RABBITMQ"));
        await using var virtualHost = new RabbitManagement(management, $"fonack{DateTime.UtcNow:yyyyMMddHHmmssfff}");
        await virtualHost.CreateVirtualHostAsync();
        using var api = Api(management);
        var vhost = Uri.EscapeDataString(virtualHost.VirtualHost);
        // MassTransit publishes a message type to the fanout exchange named after it.
        var exchange = Uri.EscapeDataString($"{typeof(Refused).Namespace}:{nameof(Refused)}");
        await PutAsync(api, $"api/exchanges/{vhost}/{exchange}", new { type = "fanout", durable = true });
        await PutAsync(api, $"api/queues/{vhost}/takes-nothing", new { durable = true, arguments = new Dictionary<string, object> { ["x-max-length"] = 0, ["x-overflow"] = "reject-publish" } });
        await PostAsync(api, $"api/bindings/{vhost}/e/{exchange}/q/takes-nothing", new { routing_key = "" });

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"ConnectionStrings:{MessagingExtensions.ConnectionName}"] = new UriBuilder(amqp) { Path = "/" + virtualHost.VirtualHost }.Uri.ToString(),
        });
        builder.AddServiceMessaging("nack-test", _ => { });
        builder.Services.Configure<MassTransitHostOptions>(host => host.WaitUntilStarted = true);
        await using var app = builder.Build();
        await app.StartAsync(TestContext.Current.CancellationToken);
        var bus = app.Services.GetRequiredService<IBus>();

        var (createdBefore, closedBefore) = await ChurnAsync(api);
        using (var limit = new CancellationTokenSource(TimeSpan.FromSeconds(6)))
        {
            // Nacked, retried by MassTransit on a new channel, nacked again, until the dispatcher's limit ends it.
            await Assert.ThrowsAnyAsync<Exception>(() => bus.Publish(new Refused(Guid.NewGuid()), limit.Token));
        }

        var waited = Stopwatch.StartNew();
        var (created, closed) = await ChurnAsync(api);
        while ((closed - closedBefore < 1 || created - createdBefore < 2) && waited.Elapsed < TimeSpan.FromSeconds(15))
        {
            await Task.Delay(500, TestContext.Current.CancellationToken); // the broker's statistics come every second
            (created, closed) = await ChurnAsync(api);
        }

        Assert.True(closed - closedBefore >= 1, $"no channel was closed after the nacks ({closed - closedBefore}): a nacking channel would be used again");
        Assert.True(created - createdBefore >= 2, $"the nacked publish was not tried again on a new channel ({created - createdBefore} channels opened)");
        await app.StopAsync(TestContext.Current.CancellationToken);
    }

    private static HttpClient Api(Uri management)
    {
        var http = new HttpClient { BaseAddress = new Uri(management.GetLeftPart(UriPartial.Authority)) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(Uri.UnescapeDataString(management.UserInfo))));
        return http;
    }

    private static async Task PutAsync(HttpClient api, string path, object body)
    {
        using var response = await api.PutAsync(new Uri(path, UriKind.Relative), Json(body));
        response.EnsureSuccessStatusCode();
    }

    private static async Task PostAsync(HttpClient api, string path, object body)
    {
        using var response = await api.PostAsync(new Uri(path, UriKind.Relative), Json(body));
        response.EnsureSuccessStatusCode();
    }

    private static StringContent Json(object body) => new(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");

    /// <summary>Channels opened and closed on the broker so far (its statistics lag about a second).</summary>
    private static async Task<(long Created, long Closed)> ChurnAsync(HttpClient api)
    {
        using var response = await api.GetAsync(new Uri("api/overview", UriKind.Relative));
        response.EnsureSuccessStatusCode();
        using var json = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync());
        var churn = json.RootElement.GetProperty("churn_rates");
        return (churn.GetProperty("channel_created").GetInt64(), churn.GetProperty("channel_closed").GetInt64());
    }
}
