using Microsoft.EntityFrameworkCore;
using Visitation.Contracts.Events;
using Visitation.Messaging;
using Visitation.Messaging.Database;
using Visitation.Rules.ReferenceData;
using Visitation.Rules.Reviewing;
using Visitation.Workflow.Audit;

namespace Visitation.Workflow.Reviewing;

/// <summary>
/// A stage's side of a resubmission: the application it sent back comes back corrected, and its review
/// resumes with the days it had left (<see cref="ReviewItem.Resume"/>). A resubmission for another stage,
/// or for a send-back no longer waiting (lapsed, withdrawn, resumed already), changes nothing; the inbox
/// makes a redelivery change nothing either.
/// </summary>
public abstract class ResumeOnResubmission<TItem, TContext>(TContext db, ReferenceDataSet reference, TimeProvider clock)
    : InboxConsumer<ApplicationResubmitted, TContext>(db, clock)
    where TItem : ReviewItem
    where TContext : ServiceDbContext
{
    /// <summary>This stage's review clock key, as <see cref="ApplicationResubmitted.Stage"/> names it.</summary>
    protected abstract ReviewStage Stage { get; }

    /// <summary>What the audit calls this stage's resumption.</summary>
    protected abstract AuditEvent ResumedEvent { get; }

    protected override async Task HandleAsync(ApplicationResubmitted message, CancellationToken cancellationToken)
    {
        if (message.Stage != Stage.ClockKey)
        {
            return;
        }

        var item = await Db.Set<TItem>().SingleOrDefaultAsync(t => t.ApplicationId == message.Application.ApplicationId, cancellationToken)
            ?? throw new PrerequisiteMissingException($"No review of {message.Application.ApplicationId} here to resume; retrying.");
        if (item.Resume(message.Application, message.SendBackId, reference, message.OccurredAt))
        {
            Db.AuditSystem(ResumedEvent, item.Audited(), outcome: "pending");
        }
    }
}
