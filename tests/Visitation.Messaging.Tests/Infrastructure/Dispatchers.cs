using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Visitation.Messaging.Tests.Infrastructure;

internal static class Dispatchers
{
    /// <summary>A service's outbox dispatcher whose rounds the test runs one at a time.</summary>
    public static OutboxDispatcher<TestDbContext> Create(TimeProvider clock, int batchSize = 100, IOutboxRoundObserver? observer = null, TimeSpan? publishTimeout = null) =>
        new(
            new ServiceCollection().BuildServiceProvider(), // rounds are driven with the test's own context and transport
            new OutboxSignal(),
            Options.Create(new OutboxOptions { BatchSize = batchSize, PublishTimeout = publishTimeout ?? new OutboxOptions().PublishTimeout }),
            clock,
            NullLogger<OutboxDispatcher<TestDbContext>>.Instance)
        {
            RoundObserver = observer,
        };

    /// <summary>One dispatch round in a fresh scope, as the dispatcher's loop runs it.</summary>
    public static async Task<int> RoundAsync(this OutboxDispatcher<TestDbContext> dispatcher, TestDatabase database, IOutboxTransport transport)
    {
        await using var db = database.NewContext();
        return (await dispatcher.DispatchRoundAsync(db, transport, TestContext.Current.CancellationToken)).Total;
    }
}
