using MassTransit;

namespace Visitation.Messaging.FaultInjection;

/// <summary>
/// The consume crash point: innermost on the endpoint, so the consumer has committed when
/// <c>next</c> returns, and MassTransit acknowledges the broker only after this filter returns.
/// </summary>
internal sealed class KillAfterCommitFilter<TMessage>(CrashPoints crashPoints) : IFilter<ConsumeContext<TMessage>>
    where TMessage : class
{
    public async Task Send(ConsumeContext<TMessage> context, IPipe<ConsumeContext<TMessage>> next)
    {
        await next.Send(context);
        crashPoints.ConsumeCommitted(typeof(TMessage).Name);
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("killAfterCommit");
}
