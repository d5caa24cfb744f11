using Visitation.Workflow.Metrics;
using Microsoft.EntityFrameworkCore;
using Visitation.Application.Data;
using Visitation.Messaging;

namespace Visitation.Application.Features.Timeline;

/// <summary>
/// Keeps the clerk's view of an application: every workflow event becomes a timeline step, and
/// the status only ever moves forward along the chain, so late or reordered events are harmless.
/// </summary>
public abstract class TimelineConsumer<TEvent>(ApplicationDbContext db, TimeProvider clock)
    : InboxConsumer<TEvent, ApplicationDbContext>(db, clock) where TEvent : class
{
    protected abstract TimelineStep Describe(TEvent message);

    protected override async Task HandleAsync(TEvent message, CancellationToken cancellationToken)
    {
        var step = Describe(message);
        var application = await Db.Applications.SingleOrDefaultAsync(a => a.Id == step.ApplicationId, cancellationToken)
            ?? throw new PrerequisiteMissingException($"Application {step.ApplicationId} is unknown here; retrying.");
        Db.Timeline.Add(new TimelineRecord
        {
            ApplicationId = application.Id,
            Stage = step.Stage,
            Event = step.Event,
            At = step.At,
            Actor = step.Actor,
            ReasonCode = step.ReasonCode,
            Detail = step.Detail,
        });
        if (step.Status is { } status
            && step.Concerns?.Invoke(application) != false
            && application.Advance(status, step.MayRewind, step.ReopensCancelled?.Invoke(application) == true))
        {
            step.Apply?.Invoke(application);
            WorkflowMetrics.StepReached(status.ToString(), step.At - application.SubmittedAt);
        }
    }
}
