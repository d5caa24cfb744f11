using Google.Protobuf.WellKnownTypes;
using Visitation.Contracts.Grpc;
using Visitation.Rules.Eligibility;
using Visitation.Rules.Reviewing;
using Visitation.ServiceDefaults.Grpc;
using Visitation.Workflow.Grpc;

namespace Visitation.Workflow.Reviewing;

/// <summary>Shared shape of a reviewing stage's answer, and the checks a rejection's reason must pass.</summary>
public static class Decisions
{
    public static Decision Approved(string decidedBy, DateTimeOffset at) =>
        new() { Approved = true, DecidedBy = decidedBy, DecidedAt = Instants.Of(at) };

    public static Decision Rejected(string reasonCode, string reason, string decidedBy, DateTimeOffset at) =>
        new() { Approved = false, ReasonCode = reasonCode, Reason = reason, DecidedBy = decidedBy, DecidedAt = Instants.Of(at) };

    /// <summary>The decision already on record, for a reviewer who repeats it.</summary>
    public static Decision Recorded(ReviewItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (item.Status == ReviewStatus.Approved)
        {
            return WithRemovals(Approved(item.DecidedBy!, item.DecidedAt!.Value), item);
        }

        if (item.Status == ReviewStatus.SentBack)
        {
            return SendBacks.Recorded(item);
        }

        var recorded = Rejected(item.ReasonCode!, item.Reason!, item.DecidedBy!, item.DecidedAt!.Value);
        recorded.Failures.AddRange(item.FailuresOnRecord().Select(ToView));
        return recorded;
    }

    /// <summary>An approval's reply with the visitors it was given without, as the decision recorded them.</summary>
    public static Decision WithRemovals(Decision decision, ReviewItem item)
    {
        ArgumentNullException.ThrowIfNull(decision);
        ArgumentNullException.ThrowIfNull(item);
        decision.RemovedVisitors.AddRange(item.RemovedVisitors.Select(r => new RemovedVisitor
        {
            VisitorIndex = r.VisitorIndex,
            ReasonCode = VisitorRemovals.ReasonCode(r.Code),
            Reason = VisitorRemovals.Message(r.VisitorIndex, r.Relation, r.Code),
        }));
        return decision;
    }

    /// <summary>
    /// An approval's audit outcome: "approved", or without some visitors which and why by position and code
    /// ("approved_without:1=visitor_barred"), never by name.
    /// </summary>
    public static string ApprovedOutcome(ReviewItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return item.RemovedVisitors.Count == 0
            ? "approved"
            : "approved_without:" + string.Join(",", item.RemovedVisitors.Select(r => $"{r.VisitorIndex}=visitor_{r.Code}"));
    }

    /// <summary>Every failure's message in one text: the family learns all the reasons from one SMS.</summary>
    public static string ReasonText(IEnumerable<RuleFailure> failures) => string.Concat(failures.Select(f => f.Message));

    public static RuleViolation ToView(RuleFailure failure) =>
        new() { Code = failure.Code, Message = failure.Message, Source = failure.Source };

    /// <summary>A rejection must say why, in words the family will read in an SMS.</summary>
    public static void ValidateRejection(string applicationId, string reasonCode, string reason)
    {
        var violations = new FieldViolations();
        violations.Required("application_id", applicationId);
        violations.Required("reason_code", reasonCode);
        violations.Required("reason", reason);
        if (reason.Length > 200)
        {
            violations.Add("reason", "原因不超过200字");
        }

        if (reasonCode.Length > 0 && !reasonCode.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c) || c == '_'))
        {
            violations.Add("reason_code", "原因代码只能包含大写字母、数字和下划线");
        }

        violations.ThrowIfAny();
    }
}
