using Visitation.Contracts.Grpc.PrisonApproval;
using Visitation.Rules.Eligibility;
using Visitation.Rules.ReferenceData;
using Visitation.ServiceDefaults.Grpc;
using Visitation.ServiceDefaults.Grpc.Hygiene;
using Visitation.Workflow.Counter;
using Visitation.Workflow.Grpc;

namespace Visitation.PrisonApproval.Features.CheckEligibility;

/// <summary>
/// Checks a counter's question field by field, every bad one at once (INVALID_ARGUMENT), with the
/// same checks as SubmitApplication for what both take (<see cref="CounterFields"/>). Nothing here
/// looks at the register: a question about an inmate who does not exist is refused or answered
/// exactly like one about an inmate who does. Every size is bounded, so one call is little work.
/// </summary>
public static class EligibilityQuestions
{
    /// <summary>More people than any province admits to one visit, children included; beyond it the question is not a family's.</summary>
    public const int MaxVisitors = InputRules.MaxVisitors;

    public static readonly int MaxInmateNumberLength = InputRules.InmateNumber.MaxLength;

    public static readonly int MaxInmateNameLength = InputRules.PersonName.MaxLength;

    public static EligibilityQuestion Validate(CheckEligibilityRequest request, ReferenceDataSet reference, PrisonCalendars calendars, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(reference);
        var violations = new FieldViolations();
        var prison = ValidateInmate(request.Inmate, reference, violations);
        var month = violations.CheckBookableMonth("visit_month", request.VisitMonth, today, prison, prison is null ? null : reference.PolicyFor(prison.Id), calendars);
        var purpose = violations.Code("purpose", request.Purpose);
        var visitors = ValidateVisitors(request, today, violations);
        violations.ThrowIfAny();

        var ruleVisitors = visitors.Select((v, i) => v.ToRuleVisitor(request.Visitors[i].IsGuardian)).ToList();
        return new EligibilityQuestion(
            prison!.Id,
            request.Inmate.InmateNumber.Trim(),
            request.Inmate.Name.Trim(),
            reference.PolicyFor(prison.Id),
            new VisitRequest(VisitMonth.Of(month!.Value), null, today, ruleVisitors, UsesSpecialApproval: false),
            [.. visitors.Select(v => v.IdNumber)],
            purpose!);
    }

    private static Prison? ValidateInmate(EligibilityInmate? inmate, ReferenceDataSet reference, FieldViolations violations)
    {
        if (inmate is null)
        {
            violations.Add("inmate", "必填");
            return null;
        }

        Bounded(violations, "inmate.inmate_number", inmate.InmateNumber, MaxInmateNumberLength);
        Bounded(violations, "inmate.name", inmate.Name, MaxInmateNameLength);
        if (string.IsNullOrWhiteSpace(inmate.PrisonId))
        {
            violations.Add("inmate.prison_id", "必填");
            return null;
        }

        var prison = reference.Prison(inmate.PrisonId);
        if (prison is null)
        {
            violations.Add("inmate.prison_id", "未知的监狱");
        }

        return prison;
    }

    private static void Bounded(FieldViolations violations, string field, string value, int maxLength)
    {
        violations.Required(field, value);
        if (value.Trim().Length > maxLength)
        {
            violations.Add(field, $"最多{maxLength}个字符");
        }
    }

    private static List<CheckedVisitor> ValidateVisitors(CheckEligibilityRequest request, DateOnly today, FieldViolations violations)
    {
        if (request.Visitors.Count is 0 or > MaxVisitors)
        {
            violations.Add("visitors", request.Visitors.Count == 0 ? "至少需要一名会见人" : $"最多填写{MaxVisitors}名会见人");
            return [];
        }

        var valid = new List<CheckedVisitor>();
        for (var i = 0; i < request.Visitors.Count; i++)
        {
            var input = request.Visitors[i];
            var field = $"visitors[{i}]";
            if (input.Documents.Distinct().Count() != input.Documents.Count)
            {
                violations.Add($"{field}.documents", "同一证件不能重复填写");
            }

            if (violations.CheckVisitor(field, input.IdNumber, input.Relation, input.Documents, today) is { } visitor)
            {
                valid.Add(visitor);
            }
        }

        if (valid.Count == request.Visitors.Count)
        {
            violations.CheckFamily("visitors", valid);
        }

        return valid;
    }
}
