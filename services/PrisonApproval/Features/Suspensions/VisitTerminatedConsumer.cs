using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Visitation.Contracts.Events;
using Visitation.PrisonApproval.Data;
using Visitation.PrisonApproval.Features.Eligibility;
using Visitation.PrisonApproval.Features.InFlight;
using Visitation.PrisonApproval.Features.Quota;
using Visitation.Rules.Eligibility;
using Visitation.Workflow.Audit;

namespace Visitation.PrisonApproval.Features.Suspensions;

/// <summary>
/// A terminated visit counts as held and suspends the inmate's visits for the penalty the officer
/// chose ([Y 十], [N§14]); visits already booked in the penalty period are cancelled.
/// </summary>
public sealed partial class VisitTerminatedConsumer(PrisonApprovalDbContext db, InmateFacts facts, AffectedWork affected, TimeProvider clock, ILogger<VisitTerminatedConsumer> logger)
    : VisitLedgerConsumer<VisitTerminated>(db, clock)
{
    protected override async Task HandleAsync(VisitTerminated message, CancellationToken cancellationToken)
    {
        if (await FinishAsync(message.ApplicationId, message.VisitId, message.Date, CountedVisit.Held, message.OccurredAt, cancellationToken) is { } entry)
        {
            entry.MinutesUsed = message.MinutesUsed;
            entry.Note = message.Reason;
        }

        var inmateId = await Db.Inmates.AsNoTracking()
            .Where(i => i.PrisonId == message.PrisonId && i.InmateNumber == message.InmateNumber)
            .Select(i => (Guid?)i.Id).SingleOrDefaultAsync(cancellationToken);
        if (inmateId is null)
        {
            return;
        }

        var inmate = await facts.LockAndLoadAsync(inmateId.Value, cancellationToken);
        if (inmate.Statuses.Any(s => s.VisitId == message.VisitId))
        {
            return;
        }

        var penalty = PenaltyPeriod.For(facts.PolicyOf(inmate), message.Severity, message.PenaltyMonths, message.Date, message.Reason);
        if (penalty is null)
        {
            // Scheduling validated the length against the same policy; a mismatch means the policy
            // changed in between. The visit still counts; the officer sets the suspension by hand.
            LogPenaltyOutsidePolicy(message.VisitId, message.Severity, message.PenaltyMonths);
            return;
        }

        inmate.AddStatus(penalty, StatusSource.Penalty, message.TerminatedBy, message.OccurredAt, message.VisitId);
        // The suspension follows from the officer's termination (scheduling's VisitTerminated row): the system sets it.
        Db.AuditSystem(AuditEvent.InmateStatusSet, inmate.Audited(), RuleCodes.Suspended(StatusKinds.Penalty), outcome: "penalty");
        await Db.SaveChangesAsync(cancellationToken);
        var reason = $"{StatusKinds.Describe(penalty)}，本次会见取消。";
        await affected.InmateChangedAsync(inmate, new Stop(penalty.From, penalty.To, RuleCodes.Suspended(StatusKinds.Penalty), reason, message.TerminatedBy, message.OccurredAt), cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Terminated visit {VisitId}: penalty {Severity}/{Months} months is outside the policy; no suspension recorded")]
    private partial void LogPenaltyOutsidePolicy(Guid visitId, string severity, int months);
}
