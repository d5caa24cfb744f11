using Visitation.Contracts.Grpc;
using Visitation.Rules.Eligibility;
using Visitation.Rules.Identity;
using Visitation.Rules.Policies;
using Visitation.Rules.ReferenceData;
using Visitation.ServiceDefaults.Grpc;
using Visitation.Workflow.Grpc;

namespace Visitation.Workflow.Counter;

/// <summary>
/// The fields both of the counter's calls take from a family — a visitor's identity, relation and
/// documents, the visit month, the family as a whole — checked once, for SubmitApplication and for
/// CheckEligibility alike: an answer "eligible" must not be followed by a submission refused for a
/// field the question accepted.
/// </summary>
public static class CounterFields
{
    /// <summary>
    /// A visitor's ID number (a real one, born by today), relation (one the rules name) and documents
    /// (kinds the proto defines); the visitor in the rules' terms, or null after adding the violations.
    /// </summary>
    public static CheckedVisitor? CheckVisitor(this FieldViolations violations, string field, string idNumber, Relation relation, IEnumerable<DocumentKind> documents, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(violations);
        var before = violations.Items.Count;
        var id = ResidentIdNumber.Check(idNumber);
        if (!id.IsValid)
        {
            violations.Add($"{field}.id_number", id.ErrorMessage ?? "身份证号码无效");
        }
        else if (id.BirthDate > today)
        {
            violations.Add($"{field}.id_number", "出生日期晚于今天");
        }

        var code = ProtoCodes.ToCode(relation);
        if (relation == Relation.Unspecified)
        {
            violations.Add($"{field}.relation", "必填");
        }
        else if (!ProtoCodes.IsSpecified(relation) || !RelationNames.Codes.Contains(code))
        {
            violations.Add($"{field}.relation", "未知的亲属关系");
        }

        // Which documents are enough is the province's rule (ClerkChecks); here only values that are none.
        var kinds = documents.ToList();
        var unknown = kinds.Where(d => !ProtoCodes.IsSpecified(d) || !DocumentKinds.All.Contains(ProtoCodes.ToCode(d))).ToList();
        if (unknown.Count > 0)
        {
            violations.Add($"{field}.documents", $"未知的证件类型：{string.Join("、", unknown.Select(d => (int)d))}");
        }

        return violations.Items.Count == before && id.BirthDate is { } birth
            ? new CheckedVisitor(idNumber.Trim().ToUpperInvariant(), code, [.. kinds.Select(ProtoCodes.ToCode)], birth, ResidentIdNumber.AgeOn(birth, today))
            : null;
    }

    /// <summary>Age in full years today when the ID number gives a birth date no later than today, else 0 (its violation is the visitor's).</summary>
    public static int AgeToday(string idNumber, DateOnly today) =>
        ResidentIdNumber.Check(idNumber).BirthDate is { } birth && birth <= today ? ResidentIdNumber.AgeOn(birth, today) : 0;

    /// <summary>A visit month from this month to three months ahead, as its first day; null when it is not a month at all.</summary>
    public static DateOnly? CheckVisitMonth(this FieldViolations violations, string field, string? month, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(violations);
        if (violations.Month(field, month) is not { } first)
        {
            return null;
        }

        if (first.AddMonths(1) <= today)
        {
            violations.Add(field, "不能申请已经过去的月份");
        }
        else if (first > today.AddMonths(3))
        {
            violations.Add(field, "最多只能申请三个月内的会见");
        }

        return first;
    }

    /// <summary>
    /// <see cref="CheckVisitMonth"/>, and then whether any area of the prison still has a day in that month that an
    /// application made today could be booked on; when none has, the month is refused here, naming the next month
    /// with days, rather than after two reviews end in "no slot". The inmate's own area is judged by the prison.
    /// </summary>
    public static DateOnly? CheckBookableMonth(
        this FieldViolations violations, string field, string? month, DateOnly today, Prison? prison, VisitPolicy? policy, PrisonCalendars calendars)
    {
        ArgumentNullException.ThrowIfNull(violations);
        ArgumentNullException.ThrowIfNull(calendars);
        var before = violations.Items.Count;
        var first = violations.CheckVisitMonth(field, month, today);
        if (first is not { } day || prison is null || policy is null || violations.Items.Count != before)
        {
            return first;
        }

        var asked = VisitMonth.Of(day);
        var (days, next) = NoVisitDayLeft.Judge(asked, today, policy.AdvanceDays, today, m => calendars.PrisonVideoDays(prison.Id, m.Year, m.Month));
        if (days.Count == 0)
        {
            violations.Add(field, NoVisitDayLeft.Message(asked, policy.AdvanceDays, next));
        }

        return first;
    }

    /// <summary>The family as a whole: at least one adult, and nobody twice.</summary>
    public static void CheckFamily(this FieldViolations violations, string field, IReadOnlyCollection<CheckedVisitor> visitors)
    {
        ArgumentNullException.ThrowIfNull(violations);
        ArgumentNullException.ThrowIfNull(visitors);
        if (visitors.All(v => v.Age < Visitor.AdultAge))
        {
            violations.Add(field, "至少需要一名成年会见人");
        }

        if (visitors.GroupBy(v => v.IdNumber).Any(g => g.Count() > 1))
        {
            violations.Add(field, "同一会见人不能重复填写");
        }
    }

    /// <summary>The visitor as the rules judge them; bars, where the prison knows any, are added by the prison.</summary>
    public static Visitor ToRuleVisitor(this CheckedVisitor visitor, bool isGuardian)
    {
        ArgumentNullException.ThrowIfNull(visitor);
        return new Visitor(visitor.Relation, visitor.Age, isGuardian, visitor.Documents, []);
    }
}
