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
        // A step that moves no status (an SMS sent or delivered) does not load the application (with
        // its visitors, decrypted) nor look for it here: the timeline's key to it refuses the step of
        // an application not here yet, and that refusal counts as a prerequisite missing
        // (TransientFaults), so the message comes back as it would from a look that found nothing.
        VisitApplication? application = null;
        if (step.Status is not null)
        {
            application = await Db.Applications.SingleOrDefaultAsync(a => a.Id == step.ApplicationId, cancellationToken)
                ?? throw UnknownApplication(step.ApplicationId);
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

    /// <summary>An application not here yet: its submission's commit has not reached this consumer's view; retried.</summary>
    protected static PrerequisiteMissingException UnknownApplication(Guid applicationId) =>
        new($"Application {applicationId} is unknown here; retrying.");
}
