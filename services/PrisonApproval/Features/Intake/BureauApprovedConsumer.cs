using Microsoft.EntityFrameworkCore;
using Visitation.Contracts.Events;
using Visitation.PrisonApproval.Data;
using Visitation.Rules.Eligibility;
using Visitation.Messaging.Database;
using Visitation.Messaging;
using Visitation.Rules.Reviewing;
using Visitation.Rules.ReferenceData;
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

        Db.Approvals.Add(new Approval
        {
            ApplicationId = application.ApplicationId,
            PrisonId = application.PrisonId,
            InmateName = application.InmateName,
            VisitMonthStart = VisitMonth.Parse(application.VisitMonth).FirstDay,
            Application = application,
            ReceivedAt = message.OccurredAt,
            DueBy = ReviewClock.DueBy(reference, reference.PolicyFor(application.PrisonId), ReviewClock.Prison, message.OccurredAt),
            // A withdrawal that overtook the bureau's approval leaves nothing to decide.
            Status = await Db.IsWithdrawnAsync(application.ApplicationId, cancellationToken) ? ApprovalStatus.Withdrawn : ApprovalStatus.Pending,
        });
    }
}
