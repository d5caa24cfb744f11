using Microsoft.EntityFrameworkCore;
using Visitation.Contracts.Events;
using Visitation.Contracts.Grpc;
using Visitation.PrisonApproval.Data;
using Visitation.PrisonApproval.Features.Eligibility;
using Visitation.Rules.Eligibility;
using Visitation.Messaging.Database;
using Visitation.ServiceDefaults.Grpc;
using Visitation.Rules.ReferenceData;
using Visitation.Workflow.Reviewing;

namespace Visitation.PrisonApproval.Features.Decide;

/// <summary>
/// Records an approval's outcome with the event it causes (in the caller's transaction): used by the
/// officer's decision, by changes to an inmate that refuse their pending applications, and by the
/// review clock. One place, so every refusal reads and travels the same way.
/// </summary>
public sealed class ApprovalOutcomes(PrisonApprovalDbContext db, ReferenceDataSet reference)
{
    public static readonly RuleFailure InmateNotFound = new(Visitation.Rules.Reviewing.ReviewReasonCodes.InmateNotFound, "监狱罪犯名册中未查到该服刑人员，请核实姓名和所在监狱。", "");

    public Decision Refuse(Approval approval, IReadOnlyList<RuleFailure> failures, string decidedBy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(approval);
        approval.Reject(failures, decidedBy, now);
        AnnounceRefusal(approval, now);
        return Decisions.Recorded(approval);
    }

    /// <summary>Tells the chain (and through it the family) of a refusal or expiry just recorded on the approval.</summary>
    public void AnnounceRefusal(Approval approval, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(approval);
        db.Publish(new PrisonRejected(approval.ApplicationId, approval.PrisonId, approval.ReasonCode!, approval.Reason!, approval.DecidedBy!, now), now);
    }

    /// <summary>
    /// Approves for the month's open days; the days the judgement closed travel with the approval for
    /// scheduling to avoid. Visitors the officer removed are neither registered as relatives nor booked:
    /// the approval travels with the others, and <see cref="VisitorsRemoved"/> tells the family who cannot come.
    /// </summary>
    /// <param name="records">The inmate's records as read under the inmate's lock for the judgement: its relatives register is current.</param>
    public Decision Approve(Approval approval, Inmate inmate, Judgement judgement, InmateRecords records, VisitorRemovalRequest removal, string decidedBy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(approval);
        ArgumentNullException.ThrowIfNull(inmate);
        ArgumentNullException.ThrowIfNull(judgement);
        ArgumentNullException.ThrowIfNull(removal);
        var application = removal.Remaining;
        approval.ApproveFor(inmate.InmateNumber, decidedBy, now, removal.Removed);
        db.QuotaEntries.Add(new QuotaEntry
        {
            Id = Guid.CreateVersion7(),
            InmateId = inmate.Id,
            Month = approval.Application.VisitMonth,
            Mode = CountedVisit.Video,
            Outcome = CountedVisit.Booked,
            ApplicationId = approval.ApplicationId,
            RecordedBy = decidedBy,
            RecordedAt = now,
        });
        ConfirmRelatives(approval, application, inmate, records, decidedBy, now);
        db.Publish(new PrisonApproved(
            ApplicationToSchedule.Of(application),
            inmate.InmateNumber,
            inmate.Area,
            inmate.Juvenile,
            judgement.VisitMinutes,
            reference.PolicyFor(inmate.PrisonId).AdvanceDays,
            decidedBy,
            now,
            [.. judgement.BlockedDays.Select(b => new DayRange(b.Date, b.Date, b.Failure.Code, b.Failure.Message))]), now);
        if (removal.Any)
        {
            db.Publish(new VisitorsRemoved(approval.ApplicationId, approval.PrisonId, removal.Removed, decidedBy, now), now);
        }

        return Decisions.WithRemovals(Decisions.Approved(decidedBy, now), approval);
    }

    /// <summary>
    /// Approving confirms the relationship of every visitor on the application [N§7 ¶2]: first-time
    /// visitors join the relatives register, and the next application recognises them.
    /// </summary>
    private void ConfirmRelatives(Approval approval, ApplicationDetails application, Inmate inmate, InmateRecords records, string decidedBy, DateTimeOffset now)
    {
        var known = records.RegisteredRelations(inmate.Id, application.Visitors.Select(v => v.VisitorKey));
        // A visitor without a key (an application stored before keys, LegacyVisitorNumbers) cannot be registered.
        foreach (var visitor in application.Visitors.Where(v => !string.IsNullOrEmpty(v.VisitorKey) && !known.ContainsKey(v.VisitorKey)))
        {
            db.Relatives.Add(new Relative
            {
                Id = Guid.CreateVersion7(),
                InmateId = inmate.Id,
                VisitorKey = visitor.VisitorKey,
                IdNumberMasked = visitor.IdNumberMasked,
                Name = visitor.Name,
                Relation = visitor.Relation,
                FirstApplicationId = approval.ApplicationId,
                ConfirmedBy = decidedBy,
                ConfirmedAt = now,
            });
        }
    }
}
