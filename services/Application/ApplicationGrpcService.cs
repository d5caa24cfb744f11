using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Visitation.Application.Data;
using Visitation.Application.Features.Read;
using Visitation.Application.Features.Submit;
using Visitation.Application.Features.Withdraw;
using Visitation.Contracts.Grpc.Application;
using Visitation.ServiceDefaults.Auth;
using Visitation.ServiceDefaults.Grpc;
using Visitation.Rules.Calendars;
using Visitation.Workflow.Grpc;

namespace Visitation.Application;

/// <summary>The clerks' API. Every call is scoped to the caller's judicial office.</summary>
public sealed class ApplicationGrpcService(ApplicationDbContext db, SubmitApplicationHandler submit, WithdrawApplicationHandler withdraw, TimeProvider clock)
    : ApplicationService.ApplicationServiceBase
{
    public override Task<SubmitApplicationReply> SubmitApplication(SubmitApplicationRequest request, ServerCallContext context) =>
        submit.HandleAsync(request, Caller.From(context), context.CancellationToken);

    public override Task<ApplicationView> WithdrawApplication(WithdrawApplicationRequest request, ServerCallContext context) =>
        withdraw.HandleAsync(request, Caller.From(context), context.CancellationToken);

    public override async Task<ApplicationView> GetApplication(GetApplicationRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context).Require(Roles.Clerk);
        var id = Ids.Parse(request.ApplicationId, "application_id");
        var application = await db.Applications.AsNoTracking()
            .Include(a => a.Timeline)
            .AsSplitQuery()
            .SingleOrDefaultAsync(a => a.Id == id, context.CancellationToken)
            ?? throw GrpcErrors.NotFound("申请", request.ApplicationId);
        caller.RequireOrganisation(application.OfficeId);
        return ApplicationViews.ToView(application, ChinaTime.Today(clock));
    }

    public override async Task<ListApplicationsReply> ListApplications(ListApplicationsRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context).Require(Roles.Clerk);
        var page = request.Page.ToPage();
        var query = db.Applications.AsNoTracking().Where(a => a.OfficeId == caller.OrganisationId);
        if (!string.IsNullOrEmpty(request.Status))
        {
            if (!Enum.TryParse<ApplicationStatus>(request.Status, ignoreCase: true, out var status))
            {
                throw GrpcErrors.InvalidArgument([new Google.Rpc.BadRequest.Types.FieldViolation { Field = "status", Description = "未知的状态" }]);
            }

            query = query.Where(a => a.Status == status);
        }

        var rows = await query.OrderByDescending(a => a.SubmittedAt).ThenBy(a => a.Id)
            .Skip(page.Offset).Take(page.Size).ToListAsync(context.CancellationToken);
        var reply = new ListApplicationsReply { NextPageToken = page.NextToken(rows.Count) };
        reply.Applications.AddRange(rows.Select(ApplicationViews.ToSummary));
        return reply;
    }
}
