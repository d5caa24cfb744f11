using Visitation.Contracts.Grpc.Application;
using Visitation.Rules.Identity;
using Visitation.ServiceDefaults.Grpc;
using Visitation.Rules.Eligibility;
using Visitation.Rules.Policies;
using Visitation.Rules.Slots;
using Visitation.Rules.ReferenceData;
using Visitation.Workflow.Grpc;
using DocumentKind = Visitation.Contracts.Grpc.DocumentKind;
using Relation = Visitation.Contracts.Grpc.Relation;

namespace Visitation.Application.Features.Submit;

/// <summary>
/// Checks a submission field by field and reports every bad one at once (INVALID_ARGUMENT);
/// nothing is stored unless all are good. The request's enums become the rules' codes here: an
/// unspecified required one, or a number the proto does not define, is a violation of its field.
/// </summary>
public static class SubmitValidator
{
    /// <summary>At most as many preferred dates as an area has video days in a month.</summary>
    public const int MaxPreferredDates = 3;

    public static ValidSubmission Validate(SubmitApplicationRequest request, JudicialOffice office, ReferenceDataSet reference, DateOnly today)
    {
        var violations = new FieldViolations();
        violations.Required("request_id", request.RequestId);
        violations.Required("inmate.name", request.Inmate?.Name);
        var prison = ValidatePrison(request.Inmate, reference, violations);
        var month = ValidateMonth(request.VisitMonth, today, violations);
        var preference = ValidatePreference(request, month, violations);
        ValidateVenue(request.VenueId, office, reference, violations);
        var policy = prison is null ? null : reference.PolicyFor(prison.Id);
        var visitors = ValidateVisitors(request, today, policy, violations);
        violations.ThrowIfAny();
        return new ValidSubmission(visitors, preference);
    }

    private static Prison? ValidatePrison(InmateAsKnown? inmate, ReferenceDataSet reference, FieldViolations violations)
    {
        if (string.IsNullOrWhiteSpace(inmate?.PrisonId))
        {
            violations.Add("inmate.prison_id", "必填");
            return null;
        }

        var prison = reference.Prison(inmate.PrisonId);
        if (prison is null)
        {
            violations.Add("inmate.prison_id", "未知的监狱");
            return null;
        }

        if (!string.IsNullOrEmpty(inmate.PrisonArea) && prison.Areas.All(a => a.Id != inmate.PrisonArea))
        {
            violations.Add("inmate.prison_area", "该监狱没有这个监区");
        }

        return prison;
    }

    /// <summary>The month's first day, or null when the month is not a month at all.</summary>
    private static DateOnly? ValidateMonth(string month, DateOnly today, FieldViolations violations)
    {
        if (violations.Month("visit_month", month) is not { } first)
        {
            return null;
        }

        if (first.AddMonths(1) <= today)
        {
            violations.Add("visit_month", "不能申请已经过去的月份");
        }
        else if (first > today.AddMonths(3))
        {
            violations.Add("visit_month", "最多只能申请三个月内的会见");
        }

        return first;
    }

    // Only what the office can know: whether a date is one of the area's video days, a holiday or
    // full is scheduling's to find out, and it then falls back instead of refusing.
    private static ValidPreference ValidatePreference(SubmitApplicationRequest request, DateOnly? month, FieldViolations violations)
    {
        var dates = new List<DateOnly>();
        if (request.PreferredDates.Count > MaxPreferredDates)
        {
            violations.Add("preferred_dates", $"最多填写{MaxPreferredDates}个意向日期");
        }

        for (var i = 0; i < request.PreferredDates.Count; i++)
        {
            var field = $"preferred_dates[{i}]";
            if (violations.Date(field, request.PreferredDates[i]) is not { } date)
            {
                continue;
            }

            if (month is { } first && (date < first || date >= first.AddMonths(1)))
            {
                violations.Add(field, "意向日期须在申请的会见月份内");
            }
            else if (dates.Contains(date))
            {
                violations.Add(field, "意向日期不能重复");
            }
            else
            {
                dates.Add(date);
            }
        }

        // Unspecified is "any time" (no code); a number the proto does not define has no code the rules know.
        if (!SlotPreference.TryParsePartOfDay(ProtoCodes.ToCode(request.PreferredPartOfDay), out var part))
        {
            violations.Add("preferred_part_of_day", "只能填写上午或下午，或不填");
        }

        return new ValidPreference([.. dates.Order()], part);
    }

    private static void ValidateVenue(string venueId, JudicialOffice office, ReferenceDataSet reference, FieldViolations violations)
    {
        var venue = string.IsNullOrEmpty(venueId) ? null : reference.Venue(venueId);
        if (venue is null)
        {
            violations.Add("venue_id", string.IsNullOrEmpty(venueId) ? "必填" : "未知的会见室");
        }
        else if (venue.CountyId != office.CountyId)
        {
            violations.Add("venue_id", "只能选择本县（区）司法局的会见室");
        }
    }

    private static List<ValidVisitor> ValidateVisitors(SubmitApplicationRequest request, DateOnly today, VisitPolicy? policy, FieldViolations violations)
    {
        var valid = new List<ValidVisitor>();
        if (request.Visitors.Count == 0)
        {
            violations.Add("visitors", "至少需要一名会见人");
            return valid;
        }

        for (var i = 0; i < request.Visitors.Count; i++)
        {
            var visitor = ValidateVisitor(request.Visitors[i], $"visitors[{i}]", today, violations);
            if (visitor is not null)
            {
                valid.Add(visitor);
            }
        }

        if (valid.Count == request.Visitors.Count && policy is not null)
        {
            ValidateCounts(valid, policy, today, violations);
        }

        return valid;
    }

    private static ValidVisitor? ValidateVisitor(VisitorInput input, string field, DateOnly today, FieldViolations violations)
    {
        var before = violations.Items.Count;
        violations.Required($"{field}.name", input.Name);
        var id = ResidentIdNumber.Check(input.IdNumber);
        if (!id.IsValid)
        {
            violations.Add($"{field}.id_number", id.ErrorMessage ?? "身份证号码无效");
        }

        var relation = ProtoCodes.ToCode(input.Relation);
        if (input.Relation == Relation.Unspecified)
        {
            violations.Add($"{field}.relation", "必填");
        }
        else if (!ProtoCodes.IsSpecified(input.Relation) || !RelationNames.Codes.Contains(relation))
        {
            violations.Add($"{field}.relation", "未知的亲属关系");
        }

        if (id.BirthDate > today)
        {
            violations.Add($"{field}.id_number", "出生日期晚于今天");
        }

        var age = id.BirthDate is { } birth && birth <= today ? ResidentIdNumber.AgeOn(birth, today) : 0;

        var isAdult = age >= 18;
        if ((isAdult || input.IsContact || !string.IsNullOrEmpty(input.Phone)) && !MobileNumber.IsValid(input.Phone))
        {
            violations.Add($"{field}.phone", "请填写有效的11位手机号码");
        }

        var documents = ValidateDocuments(input, field, violations);
        return violations.Items.Count == before && id.BirthDate is { } date && date <= today ? new ValidVisitor(input, relation, documents, date, age) : null;
    }

    /// <summary>The documents' codes; which documents are enough is the province's rule (ClerkChecks), here only values that are none.</summary>
    private static List<string> ValidateDocuments(VisitorInput input, string field, FieldViolations violations)
    {
        var unknown = input.Documents.Where(d => !ProtoCodes.IsSpecified(d) || !DocumentKinds.All.Contains(ProtoCodes.ToCode(d))).ToList();
        if (unknown.Count > 0)
        {
            violations.Add($"{field}.documents", $"未知的证件类型：{string.Join("、", unknown.Select(d => (int)d))}");
        }

        return [.. input.Documents.Select(ProtoCodes.ToCode)];
    }

    private static void ValidateCounts(List<ValidVisitor> visitors, VisitPolicy policy, DateOnly today, FieldViolations violations)
    {
        if (visitors.All(v => v.Age < Visitor.AdultAge))
        {
            violations.Add("visitors", "至少需要一名成年会见人");
        }

        var repeated = visitors.GroupBy(v => v.Input.IdNumber.Trim().ToUpperInvariant()).Where(g => g.Count() > 1);
        if (repeated.Any())
        {
            violations.Add("visitors", "同一会见人不能重复填写");
        }

        if (visitors.Count(v => v.Input.IsContact) > 1)
        {
            violations.Add("visitors", "只能指定一名短信联系人");
        }

        // What the office can judge without the prison's data, with the prison's province's rules:
        // a refusal here is said at the counter and never enters the chain (RULES.md §6 step 1).
        var request = new VisitRequest(VisitMonth.Of(today), null, today, [.. visitors.Select(ToRuleVisitor)], UsesSpecialApproval: false);
        foreach (var failure in ClerkChecks.Evaluate(policy, request).Failures)
        {
            violations.Add("visitors", $"{failure.Message}{failure.Source}", failure.Code);
        }
    }

    private static Visitor ToRuleVisitor(ValidVisitor visitor) =>
        new(visitor.Relation, visitor.Age, visitor.Input.IsGuardian, [.. visitor.Documents], []);
}
