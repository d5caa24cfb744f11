using Npgsql;
using Visitation.Messaging.Database;

namespace Visitation.Notification.Features.Deliver;

/// <summary>
/// Wakes the dispatcher when an SMS is queued, in whichever instance it was queued: the insert's
/// trigger (migration SmsDelivery) does <c>pg_notify('sms_queued')</c> at commit, and this holds a
/// connection of its own that LISTENs. A lost connection is opened again on the next wait; meanwhile
/// the wait simply times out, which only delays a message, never loses it.
/// </summary>
internal sealed partial class SmsQueueSignal(IConfiguration configuration, ILogger<SmsQueueSignal> logger) : IAsyncDisposable
{
    public const string Channel = "sms_queued";

    private NpgsqlConnection? _connection;

    /// <summary>Whether new work was signalled before <paramref name="timeout"/> passed.</summary>
    public async Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct)
    {
        try
        {
            _connection ??= await ListenAsync(ct);
            return await _connection.WaitAsync(timeout, ct);
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or System.IO.IOException && !ct.IsCancellationRequested)
        {
            LogListenLost(logger, ex.GetType().Name);
            await DropAsync();
            await Task.Delay(timeout, ct);
            return false;
        }
    }

    public async ValueTask DisposeAsync() => await DropAsync();

    private async Task<NpgsqlConnection> ListenAsync(CancellationToken ct)
    {
        var connection = new NpgsqlConnection(DatabaseOptionsExtensions.Unpooled(configuration.GetConnectionString(DatabaseExtensions.ConnectionName)!));
        try
        {
            await connection.OpenAsync(ct);
            await using var listen = new NpgsqlCommand($"LISTEN {Channel}", connection);
            await listen.ExecuteNonQueryAsync(ct);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private async Task DropAsync()
    {
        if (_connection is { } connection)
        {
            _connection = null;
            await connection.DisposeAsync();
        }
    }

    [LoggerMessage(3040, LogLevel.Warning, "Lost the connection listening for queued SMS ({Error}); polling until it is back")]
    private static partial void LogListenLost(ILogger logger, string error);
}
