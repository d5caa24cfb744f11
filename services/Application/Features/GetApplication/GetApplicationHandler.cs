using Microsoft.EntityFrameworkCore;
using Visitation.Application.Data;
using Visitation.Application.Features.Views;
using Visitation.Contracts.Grpc.Application;
using Visitation.Rules.Calendars;
using Visitation.ServiceDefaults.Auth;
using Visitation.ServiceDefaults.Grpc;
using Visitation.Workflow.Audit;

namespace Visitation.Application.Features.GetApplication;

/// <summary>One application of the clerk's own office, with its visitors and its whole timeline.</summary>
public sealed class GetApplicationHandler(ApplicationDbContext db, TimeProvider clock)
{
    public async Task<ApplicationView> HandleAsync(GetApplicationRequest request, Caller caller, CancellationToken ct)
    {
        var id = Ids.Parse(request.ApplicationId, "application_id");
        var application = await OfficeApplications.LoadAsync(db.Applications.AsNoTracking(), id, caller, ct);
        await db.AuditReadAsync(caller, AuditEvent.ApplicationRead, application.Audited(), AuditPurposes.CaseHandling, ct);
        return ApplicationViews.ToView(application, ChinaTime.Today(clock));
    }
}
