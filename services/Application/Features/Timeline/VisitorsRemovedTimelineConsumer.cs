using Microsoft.EntityFrameworkCore;
using Visitation.Application.Data;
using Visitation.Contracts.Events;
using Visitation.Rules.Reviewing;

namespace Visitation.Application.Features.Timeline;

/// <summary>
/// A reviewing stage (the bureau or the visit centre) approved without some visitors: the clerk reads who (position and relation)
/// and why, beside the approval. The status is the approval's; this step records the removal, and marks the visitors
/// removed, so that the visit's no-show is not held against them at the next submission (<see cref="Submit.NoShowHold"/>).
/// </summary>
public sealed class VisitorsRemovedTimelineConsumer(ApplicationDbContext db, TimeProvider clock) : TimelineConsumer<VisitorsRemoved>(db, clock)
{
    protected override TimelineStep Describe(VisitorsRemoved m) =>
        new(m.ApplicationId, m.ByBureau ? "bureau-review" : "prison-approval", "visitors-removed", m.OccurredAt, m.DecidedBy,
            VisitorRemovals.ReasonCode(m.Removed[0].Code),
            string.Concat(m.Removed.Select(r => VisitorRemovals.Message(r.VisitorIndex, r.Relation, r.Code))),
            Status: null);

    protected override async Task HandleAsync(VisitorsRemoved message, CancellationToken cancellationToken)
    {
        await base.HandleAsync(message, cancellationToken);
        var application = await Db.Applications.SingleOrDefaultAsync(a => a.Id == message.ApplicationId, cancellationToken)
            ?? throw UnknownApplication(message.ApplicationId);
        foreach (var visitor in application.Visitors.Where(v => message.Removed.Any(r => r.VisitorIndex == v.Ordinal)))
        {
            visitor.RemovedFromVisit = true;
        }
    }
}
