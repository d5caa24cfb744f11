using MassTransit;

namespace Visitation.Messaging.Tests.Inbox;

/// <summary>
/// Counts every delivery the consume pipeline finished, duplicates included (the harness's own
/// message lists keep one entry per message id, so they cannot show a second copy).
/// </summary>
internal sealed class DeliveryCounter : IConsumeObserver
{
    private int _finished;
    private int _faulted;

    public int Finished => Volatile.Read(ref _finished);

    public int Faulted => Volatile.Read(ref _faulted);

    public Task PreConsume<T>(ConsumeContext<T> context) where T : class => Task.CompletedTask;

    public Task PostConsume<T>(ConsumeContext<T> context) where T : class
    {
        Interlocked.Increment(ref _finished);
        return Task.CompletedTask;
    }

    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception) where T : class
    {
        Interlocked.Increment(ref _faulted);
        Interlocked.Increment(ref _finished);
        return Task.CompletedTask;
    }
}
