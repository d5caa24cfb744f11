using Microsoft.EntityFrameworkCore;
using Visitation.Contracts.Grpc.Scheduling;
using Visitation.Rules.Visits;
using Visitation.Scheduling.Data;
using Visitation.Scheduling.Features.Visits;
using Visitation.ServiceDefaults.Auth;
using Visitation.ServiceDefaults.Grpc;
using Visitation.Workflow.Grpc;

using VisitStatus = Visitation.Rules.Visits.VisitStatus;
using Visitation.Workflow.Audit;

namespace Visitation.Scheduling.Features.ListProposals;

/// <summary>The visit centre's work list: its prison's proposals waiting to be confirmed, earliest first.</summary>
public sealed class ListProposalsHandler(SchedulingDbContext db)
{
    public async Task<ListProposalsReply> HandleAsync(ListProposalsRequest request, Caller caller, CancellationToken ct)
    {
        var page = request.Page.ToPage();
        var visits = await db.Visits.AsNoTracking()
            .Where(v => caller.Organisations.Contains(v.PrisonId) && v.Status == VisitStatus.Proposed)
            .OrderBy(v => v.Date).ThenBy(v => v.Start).ThenBy(v => v.Id)
            .Skip(page.Offset).Take(page.Size).ToListAsync(ct);
        await db.AuditReadAsync(caller, AuditEvent.ProposalsListed, AuditedRecord.ListBy("visit", caller), AuditPurposes.WorkQueue, ct, outcome: $"rows:{visits.Count}");
        var reply = new ListProposalsReply { NextPageToken = page.NextToken(visits.Count) };
        reply.Visits.AddRange(visits.Select(VisitViews.ToView));
        return reply;
    }
}
