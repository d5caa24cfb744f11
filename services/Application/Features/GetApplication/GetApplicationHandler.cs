using Microsoft.EntityFrameworkCore;
using Visitation.Application.Data;
using Visitation.Application.Features.Views;
using Visitation.Contracts.Grpc.Application;
using Visitation.Rules.Calendars;
using Visitation.ServiceDefaults.Auth;
using Visitation.ServiceDefaults.Grpc;

namespace Visitation.Application.Features.GetApplication;

/// <summary>One application of the clerk's own office, with its visitors and its whole timeline.</summary>
public sealed class GetApplicationHandler(ApplicationDbContext db, TimeProvider clock)
{
    public async Task<ApplicationView> HandleAsync(GetApplicationRequest request, Caller caller, CancellationToken ct)
    {
        caller.Require(Roles.Clerk);
        var id = Ids.Parse(request.ApplicationId, "application_id");
        var application = await db.Applications.AsNoTracking()
            .Include(a => a.Timeline)
            .AsSplitQuery()
            .SingleOrDefaultAsync(a => a.Id == id, ct)
            ?? throw GrpcErrors.NotFound("申请", request.ApplicationId);
        caller.RequireOrganisation(application.OfficeId);
        return ApplicationViews.ToView(application, ChinaTime.Today(clock));
    }
}
