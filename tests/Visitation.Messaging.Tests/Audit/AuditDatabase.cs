using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Visitation.Messaging.Audit;
using Visitation.Messaging.Database;
using Visitation.Messaging.Tests.Infrastructure;

namespace Visitation.Messaging.Tests.Audit;

/// <summary>
/// A test database with the audit tables as a service's migration creates them, and contexts wired
/// as <c>AddServiceDatabase</c> wires a service's: the audit's commit interceptor before the outbox's.
/// </summary>
public sealed class AuditDatabase(TestDatabase database)
{
    public ManualClock Clock { get; } = new(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.FromHours(8)));

    public HttpContextAccessor Http { get; } = new();

    public TestDatabase Database => database;

    private OutboxCommitInterceptor Outbox { get; } = new(new OutboxSignal());

    public static async Task<AuditDatabase> CreateAsync(TestDatabase database)
    {
        await ExecuteAsync(database.ConnectionString, AuditSchema.Create + AuditSchema.AddOwner);
        return new AuditDatabase(database);
    }

    public TestDbContext NewContext()
    {
        var options = new DbContextOptionsBuilder<TestDbContext>();
        options.UseServicePostgres(database.ConnectionString).AddInterceptors(new AuditCommitInterceptor(Clock, Http), Outbox);
        return new TestDbContext(options.Options);
    }

    /// <summary>A person's call: the token's client id is what the interceptor adds to their rows.</summary>
    public void CallingThrough(string clientId) =>
        Http.HttpContext = new DefaultHttpContext { User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(AuditCommitInterceptor.ClientIdClaim, clientId)], "test")) };

    public static AuditEntry Entry(string eventType, string recordId, AuditChain chain = AuditChain.Changes, AuditActor? actor = null) =>
        new(actor ?? new AuditActor("officer-sun", "officer", "P01"), chain, eventType, "application", recordId, "P01", null, null, "done", null);

    public async Task CommitAsync(params AuditEntry[] entries)
    {
        await using var db = NewContext();
        foreach (var entry in entries)
        {
            db.Audit(entry);
        }

        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
    }

    public async Task<IReadOnlyList<AuditRow>> RowsAsync()
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        return await AuditStore.RowsAsync(connection, null, TestContext.Current.CancellationToken);
    }

    public Task<AuditBreak?> VerifyAsync() => AuditStore.VerifyAsync(database.ConnectionString, TestContext.Current.CancellationToken);

    public static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }
}
