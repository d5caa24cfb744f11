using Microsoft.EntityFrameworkCore;
using Visitation.Application.Data;
using Visitation.Contracts.Grpc.Application;
using ApplicationStatus = Visitation.Application.Data.ApplicationStatus;
using Visitation.Rules.Eligibility;
using Visitation.Rules.ReferenceData;
using Visitation.ServiceDefaults.Grpc;

namespace Visitation.Application.Features.Submit;

/// <summary>
/// The no-show option at the counter (docs/visitor-refusal-and-no-shows.md): a family inside a no-show suspension
/// with this inmate is refused when it files, as <c>CheckEligibility</c> and the prison refuse it, rather than after
/// the bureau's review. Judged from this service's own records — the family's earlier applications to the same
/// prison and inmate (as the office wrote the name) that ended in a no-show, any of whose visitors, not removed by
/// the visit centre, is on the new one — so filing asks no other service. The prison still judges by its register.
/// </summary>
public sealed class NoShowHold(ApplicationDbContext db, ReferenceDataSet reference)
{
    public const string Field = "visitors";

    /// <summary>INVALID_ARGUMENT on <see cref="Field"/> (reason <c>NO_SHOW_SUSPENSION</c>) while the family is held back.</summary>
    public async Task ThrowIfHeldAsync(SubmitApplicationRequest request, DateOnly today, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var policy = reference.PolicyFor(request.Inmate.PrisonId).NoShowSuspension;
        if (policy is not { Enabled: true })
        {
            return;
        }

        var inmateName = request.Inmate.Name.Trim();
        var missed = await db.Applications.AsNoTracking()
            .Where(a => a.PrisonId == request.Inmate.PrisonId && a.InmateName == inmateName && a.Status == ApplicationStatus.NoShow && a.VisitDate != null)
            .ToListAsync(ct);
        var idNumbers = request.Visitors.Select(v => v.IdNumber.Trim().ToUpperInvariant()).ToHashSet(StringComparer.Ordinal);
        var days = missed
            .Where(a => a.Visitors.Any(v => !v.RemovedFromVisit && idNumbers.Contains(v.IdNumber)))
            .Select(a => a.VisitDate!.Value);
        if (NoShowSuspension.AllowedAgainOn(policy, days, today) is { } again)
        {
            new FieldViolations().Add(Field, NoShowSuspension.Message(policy, again), RuleCodes.NoShowSuspension).ThrowIfAny();
        }
    }
}
