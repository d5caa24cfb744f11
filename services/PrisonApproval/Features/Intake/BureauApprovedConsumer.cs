using Microsoft.EntityFrameworkCore;
using Visitation.Contracts.Events;
using Visitation.Messaging;
using Visitation.PrisonApproval.Data;
using Visitation.Rules.ReferenceData;
using Visitation.Rules.Reviewing;
using Visitation.Workflow.Withdrawals;

namespace Visitation.PrisonApproval.Features.Intake;

/// <summary>Puts a bureau-approved application in the prison visit centre's queue.</summary>
public sealed class BureauApprovedConsumer(PrisonApprovalDbContext db, ReferenceDataSet reference, TimeProvider clock)
    : InboxConsumer<BureauApproved, PrisonApprovalDbContext>(db, clock)
{
    protected override async Task HandleAsync(BureauApproved message, CancellationToken cancellationToken)
    {
        var application = message.Application;
        if (await Db.Approvals.AnyAsync(a => a.ApplicationId == application.ApplicationId, cancellationToken))
        {
            return;
        }

        var dueBy = ReviewClock.DueBy(reference, reference.PolicyFor(application.PrisonId), ReviewStage.Prison.ClockKey, message.OccurredAt);
        var withdrawn = await Db.IsWithdrawnAsync(application.ApplicationId, cancellationToken);
        Db.Approvals.Add(Approval.Receive(application, message.OccurredAt, dueBy, withdrawn));
    }
}
