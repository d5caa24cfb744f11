using Visitation.Application.Data;
using Visitation.Application.Features.Submit;
using Visitation.Application.Features.Views;
using Visitation.Contracts.Events;
using Visitation.Contracts.Grpc.Application;
using Visitation.Rules.Calendars;
using Visitation.Rules.Reviewing;
using Visitation.ServiceDefaults.Auth;
using Visitation.ServiceDefaults.Grpc;
using Visitation.Workflow.Audit;

namespace Visitation.Application.Features.Resubmit;

/// <summary>
/// The office hands in what a reviewing stage sent the application back for (退回补正, docs/send-back.md):
/// the corrections, the timeline step, the application's return to that stage's status and
/// <see cref="ApplicationResubmitted"/> commit together. A retry with the same request id answers with the
/// application; an application that is not waiting for material is FAILED_PRECONDITION.
/// </summary>
public sealed class ResubmitApplicationHandler(ApplicationDbContext db, SubmissionEvents events, TimeProvider clock)
{
    /// <remarks>A save that loses a race (typically to an SMS step the system writes on the timeline) is decided again from a fresh read.</remarks>
    public Task<ApplicationView> HandleAsync(ResubmitApplicationRequest request, Caller caller, CancellationToken ct) =>
        db.RetryOnConflictAsync(token => DecideAsync(request, caller, token), ct);

    private async Task<ApplicationView> DecideAsync(ResubmitApplicationRequest request, Caller caller, CancellationToken ct)
    {
        var id = Ids.Parse(request.ApplicationId, "application_id");
        var application = await OfficeApplications.LoadAsync(db.Applications, id, caller, ct);
        var now = ChinaTime.Now(clock);
        var today = DateOnly.FromDateTime(now.DateTime);
        if (!string.IsNullOrEmpty(request.RequestId) && application.SendBack?.ResubmitRequestId == request.RequestId)
        {
            return ApplicationViews.ToView(application, today);
        }

        if (!application.IsSentBack || application.SendBack is not { } sendBack)
        {
            throw GrpcErrors.FailedPrecondition(application.IsFinal ? "申请已有最终结果，无法补正" : "该申请没有被退回补正，无需重新提交");
        }

        // The visitors' ages as the stages judged them: on the day the application was filed.
        var filedOn = DateOnly.FromDateTime(application.SubmittedAt.ToOffset(ChinaTime.Offset).DateTime);
        VisitorCorrections.Apply(application, request, today);
        application.Resubmit(request.RequestId);
        var note = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim();
        application.Timeline.Add(new TimelineRecord
        {
            Stage = "application",
            Event = "resubmitted",
            At = now,
            Actor = caller.UserId,
            Detail = $"司法所补正后重新提交，退回{(sendBack.Stage == ReviewClock.CountyBureau ? "县司法局" : "监狱")}{(note is null ? string.Empty : $"：{note}")}",
        });
        db.Publish(new ApplicationResubmitted(events.Details(application, filedOn), sendBack.Id, sendBack.Stage, note, caller.UserId, now), now);
        db.Audit(caller, AuditEvent.ApplicationResubmitted, application.Audited(), outcome: sendBack.Stage);
        await db.SaveChangesAsync(ct);
        return ApplicationViews.ToView(application, today);
    }
}
