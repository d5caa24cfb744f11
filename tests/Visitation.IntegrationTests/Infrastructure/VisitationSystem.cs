using System.Globalization;
using System.Net.Http.Json;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;
using Visitation.Application;
using Visitation.BureauReview;
using Visitation.DevSmsGateway;
using Visitation.Notification;
using Visitation.PrisonApproval;
using Visitation.Scheduling;
using Visitation.ServiceDefaults.Auth;

[assembly: AssemblyFixture(typeof(Visitation.IntegrationTests.Infrastructure.VisitationSystem))]

namespace Visitation.IntegrationTests.Infrastructure;

/// <summary>
/// The whole system for the test run: five services, each with its own fresh database on the real
/// PostgreSQL, one private RabbitMQ virtual host, and the development SMS gateway on real HTTP.
/// </summary>
public sealed class VisitationSystem : IAsyncLifetime
{
    private readonly string _runId = "it" + DateTime.UtcNow.ToString("MMddHHmmss", CultureInfo.InvariantCulture) + Guid.NewGuid().ToString("N")[..6];
    private readonly List<IAsyncDisposable> _hosts = [];
    private readonly List<string> _databases = [];
    private ServerEndpoints? _servers;
    private RabbitVirtualHost? _vhost;
    private WebApplication? _gateway;

    public Uri GatewayAddress { get; private set; } = null!;
    public HttpClient Gateway { get; private set; } = null!;
    private WebApplicationFactory<ApplicationGrpcService> _application = null!;
    private WebApplicationFactory<BureauReviewGrpcService> _bureau = null!;
    private WebApplicationFactory<PrisonApprovalGrpcService> _prison = null!;
    private WebApplicationFactory<SchedulingGrpcService> _scheduling = null!;
    private WebApplicationFactory<NotificationGrpcService> _notification = null!;

    public async ValueTask InitializeAsync()
    {
        _servers = await ServerEndpoints.ResolveAsync();
        _vhost = await RabbitVirtualHost.CreateAsync(_servers, _runId);
        var amqp = _vhost?.Amqp ?? _servers.RabbitMq;
        await StartGatewayAsync();
        _application = Start<ApplicationGrpcService>("application", amqp);
        _bureau = Start<BureauReviewGrpcService>("bureau_review", amqp);
        _prison = Start<PrisonApprovalGrpcService>("prison_approval", amqp);
        _scheduling = Start<SchedulingGrpcService>("scheduling", amqp);
        _notification = Start<NotificationGrpcService>("notification", amqp, new() { ["SmsGateway:BaseUrl"] = GatewayAddress.ToString() });
    }

    public Contracts.Grpc.Application.ApplicationService.ApplicationServiceClient Applications(string? token) =>
        new(Channel(_application, token));

    public Contracts.Grpc.BureauReview.BureauReviewService.BureauReviewServiceClient BureauReview(string? token) =>
        new(Channel(_bureau, token));

    public Contracts.Grpc.PrisonApproval.PrisonApprovalService.PrisonApprovalServiceClient PrisonApproval(string? token) =>
        new(Channel(_prison, token));

    public Contracts.Grpc.Scheduling.SchedulingService.SchedulingServiceClient Scheduling(string? token) =>
        new(Channel(_scheduling, token));

    public Contracts.Grpc.Notification.NotificationService.NotificationServiceClient Notification(string? token) =>
        new(Channel(_notification, token));

    public static string Token(string role, string organisation, string? user = null) =>
        DevTokenIssuer.Issue(user ?? $"{role}@{organisation}", role, organisation);

    public async Task<IReadOnlyList<ReceivedSms>> SmsTo(string phone) =>
        await Gateway.GetFromJsonAsync<List<ReceivedSms>>(new Uri($"sms?phone={phone}", UriKind.Relative)) ?? [];

    public async ValueTask DisposeAsync()
    {
        foreach (var host in Enumerable.Reverse(_hosts))
        {
            await host.DisposeAsync();
        }

        if (_gateway is not null)
        {
            await _gateway.DisposeAsync();
        }

        Gateway?.Dispose();
        if (_vhost is not null)
        {
            await _vhost.DisposeAsync();
        }

        await DropDatabasesAsync();
        if (_servers?.Containers is { } containers)
        {
            await containers.DisposeAsync();
        }
    }

    private WebApplicationFactory<T> Start<T>(string service, Uri amqp, Dictionary<string, string>? extra = null) where T : class
    {
        var database = $"{_runId}_{service}";
        _databases.Add(database);
        var settings = new Dictionary<string, string>
        {
            ["ConnectionStrings:Database"] = new NpgsqlConnectionStringBuilder(_servers!.Postgres) { Database = database }.ConnectionString,
            ["ConnectionStrings:RabbitMq"] = amqp.ToString(),
            ["Outbox:PollInterval"] = "00:00:00.200",
        };
        foreach (var (key, value) in extra ?? [])
        {
            settings[key] = value;
        }

        var host = new ServiceHost<T>(settings);
        _ = host.Server; // start now: migrations run and the bus connects before any test acts
        _hosts.Add(host);
        return host;
    }

    private async Task StartGatewayAsync()
    {
        var store = Path.Combine(Path.GetTempPath(), _runId, "sms.jsonl");
        _gateway = DevSmsGatewayApp.Build(["--urls", "http://127.0.0.1:0", "--SmsGateway:StorePath", store]);
        await _gateway.StartAsync();
        var address = _gateway.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        GatewayAddress = new Uri(address.TrimEnd('/') + "/");
        Gateway = new HttpClient { BaseAddress = GatewayAddress };
    }

    private static GrpcChannel Channel<T>(WebApplicationFactory<T> host, string? token) where T : class =>
        GrpcChannel.ForAddress(host.Server.BaseAddress, new GrpcChannelOptions
        {
            HttpHandler = new BearerTokenHandler(token, host.Server.CreateHandler()),
        });

    private async Task DropDatabasesAsync()
    {
        if (_servers is null || _servers.Containers is not null)
        {
            return;
        }

        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_servers.Postgres) { Database = "postgres" }.ConnectionString);
        await connection.OpenAsync();
        foreach (var database in _databases)
        {
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }
}
