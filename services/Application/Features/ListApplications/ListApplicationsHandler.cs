using Microsoft.EntityFrameworkCore;
using Visitation.Application.Data;
using Visitation.Application.Features.Views;
using Visitation.Contracts.Grpc.Application;
using Visitation.ServiceDefaults.Auth;
using Visitation.ServiceDefaults.Grpc;
using Visitation.Workflow.Grpc;
using Visitation.Workflow.Audit;

namespace Visitation.Application.Features.ListApplications;

/// <summary>The clerk's office's applications, newest first, optionally of one status and matching a search (<see cref="ApplicationSearch"/>).</summary>
public sealed class ListApplicationsHandler(ApplicationDbContext db)
{
    public async Task<ListApplicationsReply> HandleAsync(ListApplicationsRequest request, Caller caller, CancellationToken ct)
    {
        var page = request.Page.ToPage();
        var query = db.Applications.AsNoTracking().Where(a => caller.Organisations.Contains(a.OfficeId));
        // Unspecified is no filter; a number the proto does not define is a bad filter, not an empty list.
        if (request.Status != Contracts.Grpc.Application.ApplicationStatus.Unspecified)
        {
            if (!ApplicationStatuses.TryFromWire(request.Status, out var status))
            {
                throw GrpcErrors.InvalidArgument([new Google.Rpc.BadRequest.Types.FieldViolation { Field = "status", Description = "未知的状态" }]);
            }

            query = query.Where(a => a.Status == status);
        }

        var searched = !string.IsNullOrWhiteSpace(request.Query);
        if (searched)
        {
            if (request.Query.Length > ApplicationSearch.LongestQuery)
            {
                throw GrpcErrors.InvalidArgument([new Google.Rpc.BadRequest.Types.FieldViolation { Field = "query", Description = $"搜索内容不能超过{ApplicationSearch.LongestQuery}个字" }]);
            }

            query = query.Matching(request.Query);
        }

        var rows = await query.OrderByDescending(a => a.SubmittedAt).ThenBy(a => a.Id)
            .Skip(page.Offset).Take(page.Size).ToListAsync(ct);
        await db.AuditReadAsync(caller, AuditEvent.ApplicationsSearched, AuditedRecord.ListBy("application", caller), AuditPurposes.WorkQueue, ct,
            outcome: searched ? $"rows:{rows.Count};search:{ApplicationSearch.KindOf(request.Query)}" : $"rows:{rows.Count}");
        var reply = new ListApplicationsReply { NextPageToken = page.NextToken(rows.Count) };
        reply.Applications.AddRange(rows.Select(ApplicationViews.ToSummary));
        return reply;
    }
}
