using Microsoft.EntityFrameworkCore;
using Visitation.Contracts.Events;
using Visitation.Contracts.Grpc.PrisonApproval;
using Visitation.PrisonApproval.Data;
using Visitation.PrisonApproval.Features.Eligibility;
using Visitation.Protection;
using Visitation.Rules.Calendars;
using Visitation.Rules.Eligibility;
using Visitation.Rules.ReferenceData;
using Visitation.ServiceDefaults.Auth;
using Visitation.Workflow.Audit;

namespace Visitation.PrisonApproval.Features.CheckEligibility;

/// <summary>
/// The counter's question — may this family, in front of me, apply to visit this inmate this month?
/// — asked by a clerk before submitting or by a reviewer. It runs the engine the approval runs and
/// records nothing, but answers only what the office may know (<see cref="CounterAnswer"/>): eligible;
/// not eligible for the visitors' own reasons, judged before the register is read; or one neutral
/// "请联系监狱会见中心" for everything else, an inmate the register does not know as given included.
/// Officers see the inmate whole through GetInmate, not here. Limited per user
/// (<see cref="EligibilityRateLimit"/>), so the call cannot be walked through a register.
/// </summary>
public sealed partial class CheckEligibilityHandler(
    PrisonApprovalDbContext db, ReferenceDataSet reference, PrisonCalendars calendars, InmateFacts facts, FieldProtector protector, TimeProvider clock, ILogger<CheckEligibilityHandler> logger)
{
    public async Task<EligibilityReply> HandleAsync(CheckEligibilityRequest request, Caller caller, CancellationToken ct)
    {
        var question = EligibilityQuestions.Validate(request, reference, calendars, ChinaTime.Today(clock));
        var answer = CounterAnswer.FromVisitorChecks(ClerkChecks.Evaluate(question.Policy, question.Request))
            ?? CounterAnswer.FromPrisonRules(await PrisonRulesAsync(question, ct));

        // Every question is recorded with its purpose: who asked, from which organisation, about which
        // prison, what the counter was told — never the inmate's facts nor the visitors' numbers.
        await db.AuditReadAsync(caller, AuditEvent.EligibilityQueried, new AuditedRecord("prison", question.PrisonId, question.PrisonId), question.Purpose, ct, outcome: answer.Outcome.ToString());
        LogAsked(caller.UserId, caller.Role, caller.OrganisationId, question.Purpose, question.PrisonId, answer.Outcome);
        return EligibilityReplies.Of(answer);
    }

    /// <summary>The prison's rules on the inmate of that number and name; null when the register has none.</summary>
    private async Task<EligibilityResult?> PrisonRulesAsync(EligibilityQuestion question, CancellationToken ct)
    {
        var inmate = await db.Inmates.AsNoTracking().Include(i => i.Statuses)
            .SingleOrDefaultAsync(i => i.PrisonId == question.PrisonId && i.InmateNumber == question.InmateNumber && i.Name == question.InmateName, ct);
        if (inmate is null)
        {
            return null;
        }

        // The counter gives full numbers; the bars are found by their blind index, the visitor key,
        // under every live version of it (a bar not yet re-indexed while the key is rotated).
        var keys = question.IdNumbers.Select(id => protector.BlindIndexes(id, VisitorDetails.KeyPurpose)).ToList();
        var allKeys = keys.SelectMany(k => k).ToList();
        var records = await facts.RecordsAsync([inmate], [question.Request.Month], allKeys, ct);
        var visitors = question.Request.Visitors.Select((v, i) => v with { Bars = [.. keys[i].SelectMany(k => records.Bars(inmate.PrisonId, k))] }).ToList();
        var noShows = facts.FamilyNoShows(inmate, allKeys, records);
        var judgement = facts.Judge(inmate, question.Request with { Visitors = visitors, FamilyNoShows = noShows }, records, prisonRulesOnly: true, useLongerVisit: false);
        return judgement.Result;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Eligibility asked by {User} ({Role}) of {Organisation} for {Purpose} about an inmate of {Prison}: {Outcome}")]
    private partial void LogAsked(string user, string role, string organisation, string purpose, string prison, CounterOutcome outcome);
}
