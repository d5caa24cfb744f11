using System.Diagnostics;
using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Visitation.Messaging.Tests.Infrastructure;
using Visitation.Messaging.Tests.Outbox;

namespace Visitation.Messaging.Tests.Inbox;

/// <summary>
/// MassTransit's in-memory test harness with <see cref="PlanFiledConsumer"/>, <see cref="PlanClosedConsumer"/> and <see cref="NoteAmendedConsumer"/>
/// on the test's database: real consume pipeline and message ids, no broker.
/// </summary>
internal sealed class InMemoryBus : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly DeliveryCounter _deliveries = new();

    private InMemoryBus(ServiceProvider services, ITestHarness harness)
    {
        _services = services;
        Harness = harness;
        harness.Bus.ConnectConsumeObserver(_deliveries);
    }

    public ITestHarness Harness { get; }

    /// <param name="commands">Counts the consumers' database commands, when given.</param>
    /// <param name="racing">Writes the note <see cref="NoteAmendedConsumer"/> amends while it is at it, when given.</param>
    public static async Task<InMemoryBus> StartAsync(TestDatabase database, TimeProvider clock, CommandCounter? commands = null, RacingWriter? racing = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton(clock);
        services.AddSingleton(racing ?? new RacingWriter(database));
        services.AddDbContext<TestDbContext>(options =>
        {
            database.Configure(options);
            if (commands is not null)
            {
                options.AddInterceptors(commands);
            }
        });
        services.AddMassTransitTestHarness(bus =>
        {
            bus.AddConsumer<PlanFiledConsumer>();
            bus.AddConsumer<PlanClosedConsumer>();
            bus.AddConsumer<NoteAmendedConsumer>();
        });
        var provider = services.BuildServiceProvider(validateScopes: true);
        var harness = provider.GetRequiredService<ITestHarness>();
        await harness.Start();
        return new InMemoryBus(provider, harness);
    }

    public Task PublishAsync<TMessage>(TMessage message, Guid messageId) where TMessage : class =>
        Harness.Bus.Publish(message, context => context.MessageId = messageId, TestContext.Current.CancellationToken);

    /// <summary>Waits until the consumer has finished <paramref name="count"/> deliveries (handled, absorbed or faulted), of which exactly <paramref name="faulted"/> faulted.</summary>
    public async Task WaitForDeliveriesAsync(int count, int faulted = 0)
    {
        var waited = Stopwatch.StartNew();
        while (_deliveries.Finished < count && waited.Elapsed < TimeSpan.FromSeconds(15))
        {
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }

        Assert.Equal((count, faulted), (_deliveries.Finished, _deliveries.Faulted));
    }

    public async ValueTask DisposeAsync()
    {
        await Harness.Stop();
        await _services.DisposeAsync();
    }
}
