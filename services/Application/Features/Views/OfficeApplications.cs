using Microsoft.EntityFrameworkCore;
using Visitation.Application.Data;
using Visitation.ServiceDefaults.Auth;
using Visitation.ServiceDefaults.Grpc;

namespace Visitation.Application.Features.Views;

/// <summary>How a clerk's call finds one application: with its timeline, and only if the clerk's own office filed it.</summary>
public static class OfficeApplications
{
    /// <param name="applications">Tracked for a command that changes it, not tracked for a read.</param>
    public static async Task<VisitApplication> LoadAsync(IQueryable<VisitApplication> applications, Guid id, Caller caller, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        // Another office's application is answered exactly as an unknown one: the same query finds neither.
        // One statement, so one snapshot: split queries (the application, then its timeline) could show a
        // step committed between them without the status it moved (a few visitors × a few dozen steps).
        return await applications.Include(a => a.Timeline).AsSingleQuery()
                   .SingleOrDefaultAsync(a => a.Id == id && caller.Organisations.Contains(a.OfficeId), ct)
               ?? throw GrpcErrors.NotFound("申请", id.ToString());
    }
}
