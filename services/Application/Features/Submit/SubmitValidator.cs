using Visitation.Contracts.Grpc.Application;
using Visitation.Rules.Identity;
using Visitation.ServiceDefaults.Grpc;
using Visitation.Rules.Eligibility;
using Visitation.Rules.Policies;
using Visitation.Rules.Slots;
using Visitation.Rules.ReferenceData;
using Visitation.Workflow.Counter;
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

    public static ValidSubmission Validate(SubmitApplicationRequest request, JudicialOffice office, ReferenceDataSet reference, PrisonCalendars calendars, DateOnly today)
    {
        var violations = new FieldViolations();
        violations.Required("request_id", request.RequestId);
        violations.Required("inmate.name", request.Inmate?.Name);
        var prison = ValidatePrison(request.Inmate, reference, violations);
        var policy = prison is null ? null : reference.PolicyFor(prison.Id);
        var month = violations.CheckBookableMonth("visit_month", request.VisitMonth, today, prison, policy, calendars);
        var preference = ValidatePreference(request, month, violations);
        ValidateVenue(request.VenueId, office, reference, violations);
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
        var visitor = violations.CheckVisitor(field, input.IdNumber, input.Relation, input.Documents, today);
        var isAdult = CounterFields.AgeToday(input.IdNumber, today) >= Visitor.AdultAge;
        if ((isAdult || input.IsContact || !string.IsNullOrEmpty(input.Phone)) && !MobileNumber.IsValid(input.Phone))
        {
            violations.Add($"{field}.phone", "请填写有效的11位手机号码");
        }

        return violations.Items.Count == before && visitor is not null ? new ValidVisitor(input, visitor) : null;
    }

    private static void ValidateCounts(List<ValidVisitor> visitors, VisitPolicy policy, DateOnly today, FieldViolations violations)
    {
        violations.CheckFamily("visitors", [.. visitors.Select(v => v.Checked)]);
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

    private static Visitor ToRuleVisitor(ValidVisitor visitor) => visitor.Checked.ToRuleVisitor(visitor.Input.IsGuardian);
}
