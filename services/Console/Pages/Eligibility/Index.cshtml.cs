using Grpc.Core;
using Microsoft.AspNetCore.Mvc;
using Visitation.Console.Calls;
using Visitation.Console.Errors;
using Visitation.Console.Forms;
using Visitation.Contracts.Grpc;
using Visitation.Contracts.Grpc.PrisonApproval;
using Visitation.Rules.ReferenceData;

namespace Visitation.Console.Pages.Eligibility;

/// <summary>
/// The counter's question (CheckEligibility): may this family apply to visit this inmate in this
/// month? The answer is one of three and says nothing about the inmate (docs/eligibility-check.md).
/// </summary>
public sealed class IndexModel(ServiceClients services, ReferenceDataSet reference, TimeProvider clock) : ConsolePage
{
    [BindProperty]
    public EligibilityForm Form { get; set; } = new();

    public CounterAnswer? Answer { get; private set; }

    public IReadOnlyList<Prison> Prisons => reference.Prisons;

    public IReadOnlyList<string> Months { get; private set; } = [];

    public void OnGet()
    {
        Months = MonthChoices.From(clock);
        Form.VisitMonth = Months.Count > 1 ? Months[1] : Months[0];
    }

    public async Task OnPostAsync()
    {
        Months = MonthChoices.From(clock);
        Form.Visitors = VisitorRows.Padded(Form.Visitors);
        var filled = VisitorRows.Filled(Form.Visitors);
        var request = new CheckEligibilityRequest
        {
            Inmate = new EligibilityInmate { PrisonId = Form.Inmate.PrisonId ?? string.Empty, InmateNumber = Form.Inmate.InmateNumber ?? string.Empty, Name = Form.Inmate.Name ?? string.Empty },
            VisitMonth = Form.VisitMonth ?? string.Empty,
            Purpose = Form.Purpose ?? EligibilityPurpose.Unspecified,
        };
        request.Visitors.AddRange(filled.Select(row => new EligibilityVisitor
        {
            IdNumber = row.Visitor.IdNumber ?? string.Empty,
            Relation = row.Visitor.Relation ?? Relation.Unspecified,
            Documents = { row.Visitor.Documents.Distinct() },
            IsGuardian = row.Visitor.IsGuardian,
        }));
        try
        {
            var prison = await services.PrisonApprovalAsync();
            Answer = CounterAnswer.From(await prison.CheckEligibilityAsync(request, cancellationToken: HttpContext.RequestAborted));
        }
        catch (RpcException error)
        {
            Errors.Show(error, ModelState, nameof(Form), FieldLabels.Eligibility, path => VisitorRows.ToFormPath(path, filled));
        }
    }
}

public sealed class EligibilityForm
{
    public InmateFields Inmate { get; set; } = new();

    public string? VisitMonth { get; set; }

    public EligibilityPurpose? Purpose { get; set; } = EligibilityPurpose.CounterApplication;

    public List<VisitorFields> Visitors { get; set; } = VisitorRows.Empty();
}

/// <summary>The answer as the counter says it: neutral where the service is neutral.</summary>
public sealed record CounterAnswer(string Heading, string Advice, string Css, IReadOnlyList<RuleViolation> Failures)
{
    public static CounterAnswer From(EligibilityReply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        return reply.Outcome switch
        {
            EligibilityOutcome.Eligible => new("可以申请", "按目前登记的信息，这户家属可以申请本月会见。请继续受理申请。", "ok", []),
            EligibilityOutcome.VisitorsIneligible => new("会见人不符合条件", "请按以下原因补齐材料或调整会见人后再核验：", "warn", [.. reply.Failures]),
            _ => new("请联系监狱会见中心", "无法在窗口答复。请告知家属：" + (string.IsNullOrEmpty(reply.Message) ? "请联系监狱会见中心" : reply.Message) + "。", "neutral", []),
        };
    }
}
