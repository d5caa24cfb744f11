namespace Visitation.Messaging.Tests.Infrastructure;

/// <summary>A test with a fresh database of its own (xunit makes one instance per test), dropped afterwards.</summary>
public abstract class DatabaseTest : IAsyncLifetime
{
    /// <summary>A fixed moment, in China time as the services work, so that rows and clocks agree.</summary>
    protected static readonly DateTimeOffset Now = new(2026, 11, 30, 9, 0, 0, TimeSpan.FromHours(8));

    protected TestDatabase Database { get; private set; } = null!;

    public async ValueTask InitializeAsync() => Database = await TestDatabase.CreateAsync();

    public async ValueTask DisposeAsync()
    {
        await Database.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
