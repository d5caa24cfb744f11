using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Visitation.Notification.Data;

namespace Visitation.Notification.Features.Deliver;

/// <summary>
/// Sends queued SMS in rounds (<see cref="SendingRound"/>): another round at once while rounds come
/// back full; otherwise it sleeps until a new SMS is signalled (<see cref="SmsQueueSignal"/>), the
/// next deferred one comes due, or <see cref="SmsDeliveryOptions.IdleWait"/> passes.
/// </summary>
internal sealed partial class SmsDispatcher(
    SendingRound round, SmsQueueSignal signal, IServiceScopeFactory scopes, IOptions<SmsDeliveryOptions> options, TimeProvider clock, ILogger<SmsDispatcher> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await round.RunAsync(stoppingToken) < options.Value.BatchSize)
                {
                    await signal.WaitAsync(await UntilNextDueAsync(stoppingToken), stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogRoundFailed(logger, ex);
                await Task.Delay(TimeSpan.FromSeconds(2), stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    private async Task<TimeSpan> UntilNextDueAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NotificationDbContext>();
        var next = await db.Messages.Where(m => m.Status == SmsStatus.Queued).MinAsync(m => (DateTimeOffset?)m.NextAttemptAt, ct);
        var wait = next is { } due ? due - clock.GetUtcNow() : options.Value.IdleWait;
        return wait < TimeSpan.FromMilliseconds(50) ? TimeSpan.FromMilliseconds(50) : wait > options.Value.IdleWait ? options.Value.IdleWait : wait;
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await signal.DisposeAsync();
    }

    [LoggerMessage(3003, LogLevel.Error, "SMS dispatch round failed")]
    private static partial void LogRoundFailed(ILogger logger, Exception exception);
}
