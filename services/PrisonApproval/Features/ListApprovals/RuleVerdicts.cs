using Visitation.Contracts.Events;
using Visitation.Contracts.Grpc;
using Visitation.Contracts.Grpc.PrisonApproval;
using Visitation.PrisonApproval.Data;
using Visitation.PrisonApproval.Features.Eligibility;
using Visitation.Rules.Eligibility;

namespace Visitation.PrisonApproval.Features.ListApprovals;

/// <summary>
/// What the rules engine judges of a pending application now, rule by rule, so the officer sees each
/// check passed or failed with its article before deciding. The decision itself judges again under
/// the inmate's lock; this is the same engine on the same facts, read without the lock.
/// </summary>
public sealed class RuleVerdicts(InmateFacts facts)
{
    /// <summary>The prison's rules (the counter's checks were the office's), by the stable name the queue shows them with.</summary>
    private static readonly Dictionary<Type, (string Rule, Func<IReadOnlyDictionary<string, string>, string> Source)> Names = new()
    {
        [typeof(InCustodyRule)] = ("IN_CUSTODY", _ => string.Empty),
        [typeof(RestrictedRelationRule)] = ("RESTRICTED_RELATION", s => s.GetValueOrDefault(RuleCodes.RelationRestrictedByCrime, "")),
        [typeof(ManagementLevelRule)] = ("MANAGEMENT_LEVEL", s => s.GetValueOrDefault(RuleCodes.ManagementLevelSuspended, "")),
        [typeof(SuspensionPeriodRule)] = ("SUSPENSION", SuspensionSources),
        [typeof(MonthlyQuotaRule)] = ("MONTHLY_QUOTA", s => s.GetValueOrDefault(RuleCodes.MonthlyQuotaUsed, "")),
        [typeof(VisitorBarredRule)] = ("VISITOR_BARRED", s => s.GetValueOrDefault(RuleCodes.VisitorBarred, "")),
        [typeof(NoShowSuspensionRule)] = ("NO_SHOW_SUSPENSION", s => s.GetValueOrDefault(RuleCodes.NoShowSuspension, "")),
    };

    public const string RelationRegister = "RELATION_REGISTER";

    /// <summary>Each prison rule's verdict on the application for <paramref name="inmate"/>, and whether approving now would approve, on records already read.</summary>
    public (IReadOnlyList<RuleVerdict> Verdicts, bool Pass) Judge(Inmate inmate, ApplicationDetails application, InmateRecords records)
    {
        ArgumentNullException.ThrowIfNull(inmate);
        ArgumentNullException.ThrowIfNull(records);
        var policy = facts.PolicyOf(inmate);
        var request = facts.RequestOf(inmate, application, records, useExtraVisit: false);
        var context = new EligibilityContext(policy, facts.StateOf(inmate), records.Ledger(inmate.Id, request.Month), request);
        var verdicts = EligibilityEngine.PrisonRules
            .Where(rule => Names.ContainsKey(rule.GetType()))
            // The no-show option is shown only where the policy has it on: elsewhere it is no rule of the prison's.
            .Where(rule => rule is not NoShowSuspensionRule || policy.NoShowSuspension.Enabled)
            .Select(rule => Verdict(Names[rule.GetType()].Rule, Names[rule.GetType()].Source(policy.Sources), rule.Check(context)))
            .ToList();
        // The month's verdict (a suspension over part of the month leaves the other days open) and the relatives register.
        var judgement = facts.Judge(inmate, application, records, useExtraVisit: false, useLongerVisit: false);
        verdicts.Add(Verdict(RelationRegister, string.Empty, judgement.Result.Failures.Where(f => f.Code == InmateFacts.RelationMismatch)));
        return (verdicts, judgement.Result.Eligible);
    }

    private static RuleVerdict Verdict(string rule, string source, IEnumerable<RuleFailure> failures)
    {
        var verdict = new RuleVerdict { Rule = rule, Source = source };
        verdict.Failures.AddRange(failures.Select(f => new RuleViolation { Code = f.Code, Message = f.Message, Source = f.Source }));
        verdict.Passed = verdict.Failures.Count == 0;
        return verdict;
    }

    /// <summary>Each status kind rests on its own article; a passed check rests on all of them.</summary>
    private static string SuspensionSources(IReadOnlyDictionary<string, string> sources) =>
        string.Join("、", sources.Where(s => s.Key.StartsWith("suspension:", StringComparison.Ordinal)).Select(s => s.Value).Where(v => v.Length > 0).Distinct());
}
