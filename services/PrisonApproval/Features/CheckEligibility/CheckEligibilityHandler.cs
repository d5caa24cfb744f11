using Microsoft.EntityFrameworkCore;
using Visitation.Contracts.Grpc.PrisonApproval;
using Visitation.PrisonApproval.Data;
using Visitation.PrisonApproval.Features.Decide;
using Visitation.PrisonApproval.Features.Eligibility;
using Visitation.Rules.Calendars;
using Visitation.Rules.Eligibility;
using Visitation.Rules.Identity;
using Visitation.Rules.ReferenceData;
using Visitation.ServiceDefaults.Auth;
using Visitation.ServiceDefaults.Grpc;
using Visitation.Workflow.Grpc;
using Visitation.Workflow.Reviewing;
using Visitation.Workflow.Audit;

namespace Visitation.PrisonApproval.Features.CheckEligibility;

/// <summary>
/// "Could this family visit this inmate in this month, and if not, why?" — asked by a clerk at the
/// counter before submitting, so the family hears the prison's reasons before the chain starts.
/// It answers with the same engine as the approval; it records nothing and reveals no more than a
/// refusal SMS would (no inmate number, no other relatives). Whether given ID numbers are in the
/// inmate's relatives register is the prison's to know: only officers see it. Every question is
/// logged (who asked, about which prison, the answer; no personal data).
/// </summary>
public sealed partial class CheckEligibilityHandler(PrisonApprovalDbContext db, ReferenceDataSet reference, InmateFacts facts, TimeProvider clock, ILogger<CheckEligibilityHandler> logger)
{
    public async Task<EligibilityReply> HandleAsync(CheckEligibilityRequest request, Caller caller, CancellationToken ct)
    {
        caller.Require(Roles.Clerk, Roles.Officer);
        if (caller.Role == Roles.Officer)
        {
            caller.RequireOrganisation(request.PrisonId);
        }

        var today = ChinaTime.Today(clock);
        var (month, visitors) = Validate(request, today);
        await db.AuditReadAsync(caller, AuditEvent.EligibilityQueried, "prison", request.PrisonId, AuditPurposes.CounterEnquiry, ct, outcome: "asked");
        var matches = await db.Inmates.AsNoTracking().Include(i => i.Statuses)
            .Where(i => i.PrisonId == request.PrisonId && i.Name == request.InmateName.Trim())
            .Where(i => string.IsNullOrEmpty(request.PrisonArea) || i.Area == request.PrisonArea)
            .Where(i => string.IsNullOrEmpty(request.InmateNumber) || i.InmateNumber == request.InmateNumber.Trim())
            .Take(2).ToListAsync(ct);
        if (matches.Count != 1)
        {
            var failure = matches.Count == 0
                ? ApprovalOutcomes.InmateNotFound
                : new RuleFailure("INMATE_AMBIGUOUS", "该监狱有同名服刑人员，请填写其所在监区或罪犯编号。", "");
            return new EligibilityReply { Eligible = false, Failures = { Decisions.ToView(failure) } };
        }

        var inmate = matches[0];
        var ids = request.Visitors.Select(v => v.IdNumber.Trim().ToUpperInvariant()).ToList();
        var bars = await facts.BarsAsync(inmate.PrisonId, ids, ct);
        var ruleVisitors = visitors.Select((v, i) => v with { Bars = bars.GetValueOrDefault(ids[i], []) }).ToList();
        var judgement = await facts.JudgeAsync(inmate, new VisitRequest(month, null, today, ruleVisitors, UsesSpecialApproval: false), prisonRulesOnly: false, useLongerVisit: false, ct);
        var known = caller.Role != Roles.Officer ? [] : await db.Relatives.AsNoTracking().Where(r => r.InmateId == inmate.Id && ids.Contains(r.IdNumber)).Select(r => r.IdNumber).ToListAsync(ct);
        var reply = new EligibilityReply
        {
            Eligible = judgement.Result.Eligible,
            QuotaUsed = judgement.QuotaUsed,
            QuotaAllowed = judgement.QuotaAllowed,
        };
        reply.Failures.AddRange(judgement.Result.Failures.Select(Decisions.ToView));
        if (caller.Role == Roles.Officer)
        {
            reply.VisitorsRecognised.AddRange(ids.Select(known.Contains));
        }

        LogAsked(caller.UserId, caller.OrganisationId, inmate.PrisonId, judgement.Result.Eligible);
        return reply;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Eligibility asked by {User} of {Organisation} about an inmate of {Prison}: eligible {Eligible}")]
    private partial void LogAsked(string user, string organisation, string prison, bool eligible);

    private (VisitMonth Month, List<Visitor> Visitors) Validate(CheckEligibilityRequest request, DateOnly today)
    {
        var violations = new FieldViolations();
        if (reference.Prison(request.PrisonId) is null)
        {
            violations.Add("prison_id", "未知的监狱");
        }

        violations.Required("inmate_name", request.InmateName);
        var first = violations.Month("visit_month", request.VisitMonth);
        if (request.Visitors.Count == 0)
        {
            violations.Add("visitors", "至少需要一名会见人");
        }

        var visitors = new List<Visitor>();
        for (var i = 0; i < request.Visitors.Count; i++)
        {
            var input = request.Visitors[i];
            var id = ResidentIdNumber.Check(input.IdNumber);
            if (!id.IsValid || id.BirthDate is not { } birth || birth > today)
            {
                violations.Add($"visitors[{i}].id_number", id.ErrorMessage ?? "身份证号码无效");
                continue;
            }

            var relation = violations.Code($"visitors[{i}].relation", input.Relation);
            var documents = violations.Codes($"visitors[{i}].documents", input.Documents);
            visitors.Add(new Visitor(relation ?? string.Empty, ResidentIdNumber.AgeOn(birth, today), input.IsGuardian, documents, []));
        }

        violations.ThrowIfAny();
        return (VisitMonth.Of(first!.Value), visitors);
    }
}
