using Visitation.Application.Data;
using Visitation.Contracts.Events;
using Visitation.Rules.Reviewing;

namespace Visitation.Application.Features.Timeline;

/// <summary>
/// The visit centre approved the visit without some visitors: the clerk reads who (position and relation)
/// and why, beside the approval. The status is the approval's; this step only records the removal.
/// </summary>
public sealed class VisitorsRemovedTimelineConsumer(ApplicationDbContext db, TimeProvider clock) : TimelineConsumer<VisitorsRemoved>(db, clock)
{
    protected override TimelineStep Describe(VisitorsRemoved m) =>
        new(m.ApplicationId, "prison-approval", "visitors-removed", m.OccurredAt, m.DecidedBy,
            VisitorRemovals.ReasonCode(m.Removed[0].Code),
            string.Concat(m.Removed.Select(r => VisitorRemovals.Message(r.VisitorIndex, r.Relation, r.Code))),
            Status: null);
}
