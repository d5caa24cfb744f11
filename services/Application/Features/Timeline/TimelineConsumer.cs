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
        // A step that moves no status (an SMS sent or delivered, visitors removed) only needs the
        // application to exist: it is not loaded (with its visitors, decrypted) just to be looked at.
        VisitApplication? application = null;
        if (step.Status is null)
        {
            if (!await Db.Applications.AnyAsync(a => a.Id == step.ApplicationId, cancellationToken))
            {
                throw Unknown(step);
            }
        }
        else
        {
            application = await Db.Applications.SingleOrDefaultAsync(a => a.Id == step.ApplicationId, cancellationToken) ?? throw Unknown(step);
        }

        Db.Timeline.Add(new TimelineRecord
        {
            ApplicationId = step.ApplicationId,
            Stage = step.Stage,
            Event = step.Event,
            At = step.At,
            Actor = step.Actor,
            ReasonCode = step.ReasonCode,
            Detail = step.Detail,
        });
        if (application is not null
            && step.Status is { } status
            && step.Concerns?.Invoke(application) != false
            && application.Advance(status, step.MayRewind, step.ReopensCancelled?.Invoke(application) == true))
        {
            step.Apply?.Invoke(application);
            var waited = step.At - application.SubmittedAt;
            AfterCommit(() => WorkflowMetrics.StepReached(status.ToString(), waited));
        }
    }

    private static PrerequisiteMissingException Unknown(TimelineStep step) =>
        new($"Application {step.ApplicationId} is unknown here; retrying.");
}
