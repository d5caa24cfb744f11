using Visitation.Application.Data;
using Visitation.Application.Features.Views;
using Visitation.Contracts.Events;
using Visitation.Contracts.Grpc.Application;
using Visitation.ServiceDefaults.Auth;
using Visitation.ServiceDefaults.Grpc;
using Visitation.Rules.Calendars;
using Visitation.Workflow.Audit;

namespace Visitation.Application.Features.Withdraw;

/// <summary>
/// The family withdraws at their office: allowed until the application has reached a final outcome;
/// withdrawing twice answers with the withdrawn application. The event tells every later stage.
/// </summary>
public sealed class WithdrawApplicationHandler(ApplicationDbContext db, TimeProvider clock)
{
    /// <remarks>A save that loses a race (typically to an SMS step the system writes on the timeline) is decided again from a fresh read.</remarks>
    public Task<ApplicationView> HandleAsync(WithdrawApplicationRequest request, Caller caller, CancellationToken ct) =>
        db.RetryOnConflictAsync(token => DecideAsync(request, caller, token), ct);

    private async Task<ApplicationView> DecideAsync(WithdrawApplicationRequest request, Caller caller, CancellationToken ct)
    {
        var id = Ids.Parse(request.ApplicationId, "application_id");
        new FieldViolations().Required("reason", request.Reason).ThrowIfAny();
        var application = await OfficeApplications.LoadAsync(db.Applications, id, caller, ct);
        var now = ChinaTime.Now(clock);
        if (application.Status == Data.ApplicationStatus.Withdrawn)
        {
            return ApplicationViews.ToView(application, DateOnly.FromDateTime(now.DateTime));
        }

        if (application.IsFinal)
        {
            throw GrpcErrors.FailedPrecondition("申请已有最终结果，无法撤回");
        }

        application.Withdraw();
        application.Timeline.Add(new TimelineRecord
        {
            Stage = "application",
            Event = "withdrawn",
            At = now,
            Actor = caller.UserId,
            Detail = $"家属申请撤回：{request.Reason.Trim()}",
        });
        db.Publish(new ApplicationWithdrawn(application.Id, application.OfficeId, request.Reason.Trim(), caller.UserId, now), now);
        db.Audit(caller, AuditEvent.ApplicationWithdrawn, application.Audited());
        await db.SaveChangesAsync(ct);
        return ApplicationViews.ToView(application, DateOnly.FromDateTime(now.DateTime));
    }
}
